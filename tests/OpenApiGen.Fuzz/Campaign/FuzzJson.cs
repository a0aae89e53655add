using System.Text.Json.Serialization;
using OpenApiGen.Fuzz.Running;

namespace OpenApiGen.Fuzz.Campaign;

[JsonSerializable(typeof(Outcome))]
internal sealed partial class FuzzJson : JsonSerializerContext;
