using System.Text.Json;

namespace OpenApiGen.Runtime.Tests;

public sealed class ExtensibleEnumTests
{
    [Fact]
    public void Known_and_unknown_values_round_trip()
    {
        var pet = JsonSerializer.Deserialize("""{"id":1,"status":"lost-at-sea"}""", TestJson.Default.Pet)!;

        Assert.Equal("lost-at-sea", pet.Status!.Value.Value);
        Assert.NotEqual(PetStatus.Sold, pet.Status);
        Assert.Equal("""{"id":1,"status":"lost-at-sea"}""", JsonSerializer.Serialize(pet, TestJson.Default.Pet));
        Assert.Equal(PetStatus.Sold, JsonSerializer.Deserialize("""{"id":1,"status":"sold"}""", TestJson.Default.Pet)!.Status);
    }

    [Fact]
    public void A_value_of_another_kind_is_a_JsonException_with_its_path()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"id":1,"status":3}""", TestJson.Default.Pet));

        Assert.Equal("$.status", error.Path);
    }

    [Fact]
    public void Values_serve_as_dictionary_keys()
    {
        var counts = new Dictionary<PetStatus, int> { [PetStatus.Available] = 2, [new PetStatus("new")] = 1 };

        var json = JsonSerializer.Serialize(counts, TestJson.Default.DictionaryPetStatusInt32);

        Assert.Equal("""{"available":2,"new":1}""", json);
        Assert.Equal(counts, JsonSerializer.Deserialize(json, TestJson.Default.DictionaryPetStatusInt32));
    }

    [Fact]
    public void A_value_read_again_allocates_nothing_and_escaped_or_new_values_still_read()
    {
        var sold = "\"sold\""u8.ToArray();
        Read(sold);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var again = Read(sold);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(PetStatus.Sold, again);
        Assert.Equal(0, allocated);
        Assert.Equal(PetStatus.Sold, Read("\"s\\u006fld\""u8.ToArray()));
        for (var i = 0; i < ExtensibleEnumConverter<PetStatus>.CacheSize + 10; i++)
        {
            Assert.Equal("v" + i, Read(System.Text.Encoding.UTF8.GetBytes("\"v" + i + "\"")).Value);
        }
    }

    private static PetStatus Read(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return ExtensibleEnumConverter<PetStatus>.ReadValue(ref reader, JsonSerializerOptions.Default);
    }
}
