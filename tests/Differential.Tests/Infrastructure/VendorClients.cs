using System.Reflection;
using Specs.Tests.GeneratedModel;

namespace Differential.Tests.Infrastructure;

/// <summary>
/// The effective documents src/QwenImageEdit.Vendors embeds, as Specs.Tests lists them (its VendorDocuments, linked
/// here), and what this project needs beside each: our client class and our JSON options.
/// </summary>
internal static class VendorClients
{
    public static IReadOnlyList<Type> Documents => VendorDocuments.All;

    /// <summary>Theory data: the specs, by <see cref="Key"/>.</summary>
    public static TheoryData<string> Keys => new(VendorDocuments.All.Select(Key));

    /// <summary>
    /// A spec's name in the comparison: its namespace (<c>QwenImageEdit.Vendors.DashScope.ImageEdit</c>) or, for a document
    /// of a client of several, the namespace and its file (<c>QwenImageEdit.Vendors.EvoLink/tasks.yaml</c>).
    /// </summary>
    public static string Key(Type document)
        => VendorDocuments.All.Count(t => t.Namespace == document.Namespace) == 1 ? document.Namespace! : document.Namespace + "/" + VendorDocuments.Constant(document, "SourcePath");

    /// <summary>The namespace of our client for a spec's key.</summary>
    public static string NamespaceOf(string key) => key.Split('/')[0];

    public static string Json(Type document) => VendorDocuments.Constant(document, "Json");

    /// <summary>Our client class in a namespace: the class that implements the namespace's <c>I...Client</c> interface.</summary>
    public static Type Client(string key) => Client(NamespaceOf(key), 0);

    private static Type Client(string ns, int _) => VendorDocuments.Assembly.GetTypes().Single(t => t.IsClass && !t.IsAbstract && t.Namespace == ns && t.GetInterfaces().Any(i => i.Namespace == ns && i.Name == "I" + t.Name));

    /// <summary>Our JSON context in a namespace, whose options read and write every generated type there.</summary>
    public static System.Text.Json.JsonSerializerOptions JsonOptions(string key)
    {
        var ns = NamespaceOf(key);
        var context = VendorDocuments.Assembly.GetTypes().Single(t => t.Namespace == ns && t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)));
        return ((System.Text.Json.Serialization.JsonSerializerContext)context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;
    }
}
