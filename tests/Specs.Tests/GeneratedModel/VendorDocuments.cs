using System.Reflection;

namespace Specs.Tests.GeneratedModel;

/// <summary>The effective documents src/QwenImageEdit.Vendors embeds (<c>EmbedDocument="true"</c>), one per spec and namespace.</summary>
internal static class VendorDocuments
{
    public static Assembly Assembly { get; } = typeof(QwenImageEdit.Vendors.EvoLink.EvoLinkQwenImageEditOpenApiDocument).Assembly;

    /// <summary>Every generated <c>{Prefix}OpenApiDocument</c> class: static, with the <c>Json</c> and <c>SourcePath</c> constants.</summary>
    public static IReadOnlyList<Type> All { get; } = Assembly.GetTypes()
        .Where(static t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("OpenApiDocument", StringComparison.Ordinal) && t.GetField("Json") is { IsLiteral: true })
        .OrderBy(static t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Theory data: the classes' full names.</summary>
    public static IEnumerable<object[]> Names => All.Select(static t => new object[] { t.FullName! });

    public static Type Named(string fullName) => All.Single(t => t.FullName == fullName);

    public static string Constant(Type document, string name) => (string)document.GetField(name)!.GetRawConstantValue()!;
}
