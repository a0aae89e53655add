namespace OpenApiGen.Cli.Diff;

/// <summary>What a change means for users of the generated code.</summary>
internal enum ChangeClass
{
    /// <summary>Code that compiled and worked against the old version may not compile, or may behave differently, against the new.</summary>
    Breaking,

    /// <summary>Something was added or loosened; every existing use still compiles and works.</summary>
    NonBreaking,

    /// <summary>The same C#, different JSON or HTTP: users' code is untouched, what goes over the wire is not.</summary>
    WireOnly,

    /// <summary>Only what IntelliSense shows changed.</summary>
    DocsOnly,
}

/// <summary>A kind of change the diff reports, with its class and how oasdiff and .NET's API compatibility rules see the same change.</summary>
/// <param name="Id">A stable id, in oasdiff's style (<c>member-removed</c>).</param>
/// <param name="Class">Its class.</param>
/// <param name="Description">When it applies, as users see it.</param>
/// <param name="Oasdiff">oasdiff's nearest rule and its level, for comparison.</param>
/// <param name="ApiCompat">What Microsoft.DotNet.ApiCompat says about the C# change, for comparison.</param>
internal sealed record ChangeRule(string Id, ChangeClass Class, string Description, string Oasdiff, string ApiCompat);

/// <summary>One change found between two versions of a spec.</summary>
/// <param name="Rule">What kind of change it is.</param>
/// <param name="Subject">What users see changed: <c>QwenImageEditRequest.Prompt</c>, <c>EvoLinkTasksClient.GetTaskDetailAsync(taskId)</c>.</param>
/// <param name="Detail">What changed, with the old and new values where there are any.</param>
internal sealed record Change(ChangeRule Rule, string Subject, string Detail)
{
    public ChangeClass Class => Rule.Class;

    public override string ToString() => $"{Subject}: {Detail} [{Rule.Id}]";
}
