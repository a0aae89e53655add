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

    /// <summary>Theory data: the specs' namespaces.</summary>
    public static TheoryData<string> Namespaces => new(VendorDocuments.All.Select(static t => t.Namespace!));

    public static string Json(Type document) => VendorDocuments.Constant(document, "Json");

    /// <summary>Our client class in a namespace: the class that implements the namespace's <c>I...Client</c> interface.</summary>
    public static Type Client(string ns) => VendorDocuments.Assembly.GetTypes().Single(t => t.IsClass && !t.IsAbstract && t.Namespace == ns && t.GetInterfaces().Any(i => i.Namespace == ns && i.Name == "I" + t.Name));

    /// <summary>Our JSON context in a namespace, whose options read and write every generated type there.</summary>
    public static System.Text.Json.JsonSerializerOptions JsonOptions(string ns)
    {
        var context = VendorDocuments.Assembly.GetTypes().Single(t => t.Namespace == ns && t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)));
        return ((System.Text.Json.Serialization.JsonSerializerContext)context.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).Options;
    }
}
