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
}
