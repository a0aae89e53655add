using System.Diagnostics.CodeAnalysis;

namespace QwenImageEdit.Testing;

/// <summary>
/// Whether the fakes check requests against the vendors' specs (and <see cref="Fault.MissingOptionalFields"/> reads
/// the response schemas). On unless the app turns it off.
/// </summary>
/// <remarks>
/// The checks run on NSwag and NJsonSchema over Newtonsoft.Json, which are not trim-safe. An app that embeds a fake
/// and is trimmed or compiled ahead of time (qwen-edit's local vendor) turns them off in its project file:
/// <code>&lt;RuntimeHostConfigurationOption Include="QwenImageEdit.Testing.ContractValidation.IsSupported" Value="false" Trim="true" /&gt;</code>
/// The trimmer then removes them with no warning, and the fakes still run every lifecycle, fault and callback, and still
/// check the key and the rules vendors state beside their specs; only the schema checks are gone. Tests keep the
/// default, and so keep the checks.
/// </remarks>
public static class ContractValidation
{
    /// <summary>The AppContext switch (and runtimeconfig option) that turns the checks off when false.</summary>
    public const string SwitchName = "QwenImageEdit.Testing.ContractValidation.IsSupported";

    internal const string Reason = "Contract validation runs NSwag and NJsonSchema over Newtonsoft.Json, which are not trim-safe; guard it with ContractValidation.IsSupported.";

    /// <summary>Whether requests are checked against the specs: true unless <see cref="SwitchName"/> is false.</summary>
    /// <remarks>
    /// The analyzer cannot prove that a switch read returns false in a trimmed app (IL4000), and it need not: the
    /// switch is the guard. The trimmer substitutes the app's value for this property (FeatureSwitchDefinition), so
    /// with the switch off the guarded code is removed, and with it on the trimmer keeps it and warns, as it should.
    /// </remarks>
    [FeatureSwitchDefinition(SwitchName)]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
#pragma warning disable IL4000
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var enabled) || enabled;
#pragma warning restore IL4000
}
