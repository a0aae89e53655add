using System.Reflection;

namespace Differential.Tests.Infrastructure;

/// <summary>The effective documents src/QwenImageEdit.Vendors embeds (<c>EmbedDocument="true"</c>), one per spec and namespace, and our client beside each.</summary>
internal static class VendorDocuments
{
    public static Assembly Assembly { get; } = typeof(QwenImageEdit.Vendors.EvoLink.ImageEdit.EvoLinkImageEditOpenApiDocument).Assembly;

    /// <summary>Every generated <c>{Prefix}OpenApiDocument</c> class: static, with the <c>Json</c> constant.</summary>
    public static IReadOnlyList<Type> All { get; } = Assembly.GetTypes()
        .Where(static t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("OpenApiDocument", StringComparison.Ordinal) && t.GetField("Json") is { IsLiteral: true })
        .OrderBy(static t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Theory data: the specs' namespaces.</summary>
    public static TheoryData<string> Namespaces => new(All.Select(static t => t.Namespace!));

    public static string Json(Type document) => (string)document.GetField("Json")!.GetRawConstantValue()!;

    /// <summary>Our client class in a namespace: the class that implements the namespace's <c>I...Client</c> interface.</summary>
    public static Type Client(string ns) => Assembly.GetTypes().Single(t => t.IsClass && !t.IsAbstract && t.Namespace == ns && t.GetInterfaces().Any(i => i.Namespace == ns && i.Name == "I" + t.Name));

    /// <summary>Our JSON context in a namespace, whose options read and write every generated type there.</summary>
    public static System.Text.Json.JsonSerializerOptions JsonOptions(string ns)
    {
        var context = Assembly.GetTypes().Single(t => t.Namespace == ns && t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)));
        return ((System.Text.Json.Serialization.JsonSerializerContext)context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;
    }
}
