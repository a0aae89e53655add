namespace OpenApiGen.Cli.Diff;

/// <summary>
/// Every kind of change <c>openapigen diff</c> reports. The classes follow what users of the generated C# see, which
/// is where they differ from oasdiff's (judging raw HTTP clients) and from .NET's API compatibility rules (judging
/// binaries): generated/OpenApiGen.Cli/README.md lists the rules with both, generated from this table (a test keeps it so).
/// </summary>
internal static class ChangeRules
{
    private const string B = "breaking";

    // Types
    public static readonly ChangeRule TypeRemoved = new("type-removed", ChangeClass.Breaking, "A generated type is gone (its schema was removed, or is no longer a type of its own).", "api-schema-removed (INFO)", "CP0001 type removed: " + B);
    public static readonly ChangeRule TypeRenamed = new("type-renamed", ChangeClass.Breaking, "The schema at the same place in the spec gives a type of another name.", "none: a schema name is not on the wire", "CP0001 type removed (and one added): " + B);
    public static readonly ChangeRule TypeAdded = new("type-added", ChangeClass.NonBreaking, "A new generated type.", "none", "not breaking");
    public static readonly ChangeRule TypeKindChanged = new("type-kind-changed", ChangeClass.Breaking, "A type became another kind (class, extensible enum, union).", "request/response-property-type-changed (ERR)", B);
    public static readonly ChangeRule BaseTypeChanged = new("base-type-changed", ChangeClass.Breaking, "A class derives from another class, or no longer derives (allOf changed).", "request-property-all-of-removed (WARN), response-property-all-of-added (INFO)", "CP0007/CP0008 base type or interface removed: " + B);
    public static readonly ChangeRule SubtypeRemoved = new("subtype-removed", ChangeClass.Breaking, "A discriminator value no longer names a subclass: reading it gives the base class.", "request/response-body-discriminator-mapping-deleted (INFO)", "not seen (no signature changes)");
    public static readonly ChangeRule SubtypeAdded = new("subtype-added", ChangeClass.NonBreaking, "A discriminator value names a new subclass.", "request/response-body-discriminator-mapping-added (INFO)", "not seen");
    public static readonly ChangeRule DiscriminatorChanged = new("discriminator-changed", ChangeClass.WireOnly, "The same subclasses, chosen by another discriminator member or value.", "request/response-body-discriminator-property-name-changed, -mapping-changed (INFO)", "not seen");
    public static readonly ChangeRule ExtensionDataRemoved = new("extension-data-removed", ChangeClass.Breaking, "A class no longer keeps the members the spec does not name (additionalProperties removed).", "none", "CP0002 member removed: " + B);
    public static readonly ChangeRule ExtensionDataAdded = new("extension-data-added", ChangeClass.NonBreaking, "A class now keeps the members the spec does not name.", "none", "not breaking");

    // Members
    public static readonly ChangeRule MemberRemoved = new("member-removed", ChangeClass.Breaking, "A member is gone: code that sets or reads it no longer compiles.", "request-property-removed (WARN), response-optional-property-removed (WARN), response-required-property-removed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule MemberRenamed = new("member-renamed", ChangeClass.Breaking, "The same wire name gives a member of another C# name (an x-enum-varnames-style override, or a naming change).", "none: the wire is the same", "CP0002 member removed (and one added): " + B);
    public static readonly ChangeRule MemberAddedOptional = new("member-added-optional", ChangeClass.NonBreaking, "A new optional member.", "new-optional-request-property (INFO), response-optional-property-added (INFO)", "not breaking");
    public static readonly ChangeRule MemberAddedRequired = new("member-added-required", ChangeClass.Breaking, "A new C# required member on a type users send: every object initialiser must now set it.", "new-required-request-property (ERR)", "not breaking (C# required is not in ApiCompat's rules)");
    public static readonly ChangeRule ResponseMemberAddedRequired = new("response-member-added-required", ChangeClass.NonBreaking, "A new required member on a type users only read; code that builds one (tests, fakes) must set it.", "response-required-property-added (INFO)", "not breaking");
    public static readonly ChangeRule MemberBecameRequired = new("member-became-required", ChangeClass.Breaking, "An optional member of a type users send became C# required: initialisers that leave it out no longer compile.", "request-property-became-required (ERR)", "not seen (C# required is not in ApiCompat's rules)");
    public static readonly ChangeRule ResponseMemberBecameRequired = new("response-member-became-required", ChangeClass.NonBreaking, "A member of a type users only read is now always there; code that builds one (tests, fakes) must set it.", "response-property-became-required (INFO)", "not seen");
    public static readonly ChangeRule MemberBecameOptional = new("member-became-optional", ChangeClass.NonBreaking, "A required member of a type users only send became optional.", "request-property-became-optional (INFO)", "not seen");
    public static readonly ChangeRule ResponseMemberBecameOptional = new("response-member-became-optional", ChangeClass.Breaking, "A member users read may now be absent (null).", "response-property-became-optional (ERR)", "not seen (nullable annotations are not in ApiCompat's rules)");
    public static readonly ChangeRule MemberTypeChanged = new("member-type-changed", ChangeClass.Breaking, "A member's C# type changed so that some existing use no longer compiles or holds: narrowed where users write it, widened or made nullable where they read it, or changed where they do both.", "request/response-property-type-changed (ERR), request-property-become-not-nullable (ERR), response-property-became-nullable (ERR)", "CP0002 member removed (the old signature): " + B);
    public static readonly ChangeRule RequestMemberTypeWidened = new("request-member-type-widened", ChangeClass.NonBreaking, "A member users only write takes more than before, and every old value still converts (int to long, T to T?, a string to a union with a string case, a string to an extensible enum).", "request-property-type-generalized (INFO), request-property-become-nullable (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule ResponseMemberTypeNarrowed = new("response-member-type-narrowed", ChangeClass.NonBreaking, "A member users only read gives less than before, and every new value still converts to the old type (long to int, T? to T).", "response-property-type-specialized (INFO), response-property-became-not-nullable (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule MemberWireNameChanged = new("member-wire-name-changed", ChangeClass.WireOnly, "The same member is sent and read under another JSON name.", "request-property-removed (WARN) + new-...-property", "not seen");
    public static readonly ChangeRule MemberNullChanged = new("member-null-changed", ChangeClass.WireOnly, "The same C# member now does (or no longer does) take JSON null.", "request-property-become-nullable (INFO), response-property-became-nullable (ERR)", "not seen");
    public static readonly ChangeRule MemberDefaultChanged = new("member-default-changed", ChangeClass.WireOnly, "What a member starts as, and so what is sent when the caller leaves it, changed.", "request-property-default-value-changed (INFO)", "not seen");
    public static readonly ChangeRule RequestConstraintTightened = new("request-constraint-tightened", ChangeClass.Breaking, "Validate() (and the vendor) refuse values they took: a length, range, item count or pattern on something users send got stricter.", "request-property-max-length-decreased, -min-increased, -pattern-added ... (ERR), -pattern-changed (WARN)", "not seen (no signature changes)");
    public static readonly ChangeRule RequestConstraintLoosened = new("request-constraint-loosened", ChangeClass.NonBreaking, "A constraint on something users send got looser, or went away.", "request-property-max-length-increased ... (INFO)", "not seen");
    public static readonly ChangeRule ResponseConstraintChanged = new("response-constraint-changed", ChangeClass.DocsOnly, "A constraint on something users only read changed: its XML docs and Validate() say so; reading does not check it.", "response-property-max-length-increased ... (ERR)", "not seen");

    // Enums and unions
    public static readonly ChangeRule EnumValueRemoved = new("enum-value-removed", ChangeClass.Breaking, "A documented value's static member is gone (the value itself still reads, as an unknown one).", "request-property-enum-value-removed (ERR), response-property-enum-value-removed (INFO)", "CP0002 member removed: " + B);
    public static readonly ChangeRule EnumValueAdded = new("enum-value-added", ChangeClass.NonBreaking, "A new documented value. Extensible enums already read any value, so readers do not break.", "request-property-enum-value-added (INFO), response-property-enum-value-added (WARN)", "not breaking");
    public static readonly ChangeRule EnumValueRenamed = new("enum-value-renamed", ChangeClass.Breaking, "The same wire value has a static member of another name.", "none: the wire is the same", "CP0002 member removed (and one added): " + B);
    public static readonly ChangeRule EnumValueWireChanged = new("enum-value-wire-changed", ChangeClass.WireOnly, "The same static member stands for another wire value.", "request/response-property-enum-value-removed + -added", "not seen");
    public static readonly ChangeRule UnionCaseRemoved = new("union-case-removed", ChangeClass.Breaking, "A union no longer holds a case: its IsX, TryGetX, conversion and Match parameter are gone.", "request-property-one-of-removed (ERR), response-property-one-of-removed (INFO)", "CP0002 member removed: " + B);
    public static readonly ChangeRule UnionCaseAdded = new("union-case-added", ChangeClass.NonBreaking, "A union users only send takes a new case (one more implicit conversion).", "request-property-one-of-added (INFO)", "CP0002 Match(...) changed (binary): " + B);
    public static readonly ChangeRule ResponseUnionCaseAdded = new("response-union-case-added", ChangeClass.Breaking, "A union users read may hold a new case: Match(...) takes one more function, and code that handles each case misses it.", "response-property-one-of-added (ERR)", "CP0002 Match(...) changed: " + B);
    public static readonly ChangeRule UnionCaseRenamed = new("union-case-renamed", ChangeClass.Breaking, "The same case has members of another name (IsInt64 for IsInt32).", "none", "CP0002 member removed: " + B);

    // Operations
    public static readonly ChangeRule OperationRemoved = new("operation-removed", ChangeClass.Breaking, "A client method is gone.", "api-removed-without-deprecation (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule OperationAdded = new("operation-added", ChangeClass.NonBreaking, "A new client method. The client's interface gains it too: a hand-written implementation (not a mock) must add it.", "endpoint-added (INFO)", "CP0006 member added to an interface: " + B);
    public static readonly ChangeRule OperationRenamed = new("operation-renamed", ChangeClass.Breaking, "The same HTTP operation has a method of another name (its operationId changed).", "api-operation-id-updated (INFO)", "CP0002 member removed (and one added): " + B);
    public static readonly ChangeRule OperationMoved = new("operation-moved", ChangeClass.WireOnly, "The same method sends another HTTP method or path.", "api-path-removed-without-deprecation (ERR) + endpoint-added", "not seen");
    public static readonly ChangeRule OperationSecurityChanged = new("operation-security-changed", ChangeClass.WireOnly, "A method sends other credentials.", "api-security-added/removed (INFO)", "not seen");
    public static readonly ChangeRule ParameterRemoved = new("parameter-removed", ChangeClass.Breaking, "A method lost a parameter: calls that pass it no longer compile.", "request-parameter-removed (WARN)", "CP0002 member removed: " + B);
    public static readonly ChangeRule ParameterAddedRequired = new("parameter-added-required", ChangeClass.Breaking, "A method takes a new required parameter.", "new-required-request-parameter (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule ParameterAddedOptional = new("parameter-added-optional", ChangeClass.NonBreaking, "A method takes a new optional parameter (default null): calls still compile.", "new-optional-request-parameter (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule ParameterRenamed = new("parameter-renamed", ChangeClass.Breaking, "A parameter has another C# name: calls that name it no longer compile.", "none: the wire is the same", "CP0017 parameter name changed (strict mode): " + B);
    public static readonly ChangeRule ParameterBecameRequired = new("parameter-became-required", ChangeClass.Breaking, "An optional parameter became required.", "request-parameter-became-required (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule ParameterBecameOptional = new("parameter-became-optional", ChangeClass.NonBreaking, "A required parameter became optional (default null).", "request-parameter-became-optional (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule ParameterTypeChanged = new("parameter-type-changed", ChangeClass.Breaking, "A parameter's C# type changed so that some old argument no longer converts.", "request-parameter-type-changed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule ParameterTypeWidened = new("parameter-type-widened", ChangeClass.NonBreaking, "A parameter takes more than before, and every old argument still converts.", "request-parameter-type-generalized (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule ParametersReordered = new("parameters-reordered", ChangeClass.Breaking, "A method's parameters are in another order: positional calls pass values to the wrong ones, or no longer compile.", "none: order is not on the wire", "CP0002 member removed: " + B);
    public static readonly ChangeRule ParameterWireChanged = new("parameter-wire-changed", ChangeClass.WireOnly, "The same parameter is sent under another name, in another place, or in another style.", "request-parameter-removed (WARN) + new-...-parameter", "not seen");
    public static readonly ChangeRule BodyAddedRequired = new("body-added-required", ChangeClass.Breaking, "A method takes a new required body.", "added-required-request-body (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule BodyAddedOptional = new("body-added-optional", ChangeClass.NonBreaking, "A method takes a new optional body.", "added-optional-request-body (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule BodyRemoved = new("body-removed", ChangeClass.Breaking, "A method no longer takes a body.", "request-body-removed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule BodyTypeChanged = new("body-type-changed", ChangeClass.Breaking, "A body's C# type changed so that some old value no longer converts.", "request-body-type-changed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule BodyTypeWidened = new("body-type-widened", ChangeClass.NonBreaking, "A body takes more than before, and every old value still converts.", "request-body-type-generalized (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule BodyBecameRequired = new("body-became-required", ChangeClass.Breaking, "An optional body became required.", "request-body-became-required (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule BodyBecameOptional = new("body-became-optional", ChangeClass.NonBreaking, "A required body became optional.", "request-body-became-optional (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule BodyMediaTypeChanged = new("body-media-type-changed", ChangeClass.WireOnly, "The same body is sent as another media type.", "request-body-media-type-removed (ERR) + -added", "not seen");
    public static readonly ChangeRule SuccessBodyChanged = new("success-body-changed", ChangeClass.Breaking, "A method returns another type, or one that may now be null.", "response-body-type-changed (ERR), response-success-status-removed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule SuccessBodyNarrowed = new("success-body-narrowed", ChangeClass.NonBreaking, "A method returns less than before, and the new result still converts to the old type.", "response-body-type-specialized (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule SuccessBodyAdded = new("success-body-added", ChangeClass.NonBreaking, "A method that returned nothing (Task) now returns a body (Task<T>): awaiting it still compiles.", "response-media-type-added (INFO)", "CP0002 member removed (binary): " + B);
    public static readonly ChangeRule SuccessBodyRemoved = new("success-body-removed", ChangeClass.Breaking, "A method no longer returns a body.", "response-media-type-removed (ERR)", "CP0002 member removed: " + B);
    public static readonly ChangeRule ErrorResponseAdded = new("error-response-added", ChangeClass.NonBreaking, "A status now has a documented error body: it is thrown as ApiException<T> (still an ApiException).", "response-non-success-status-added (INFO)", "not seen");
    public static readonly ChangeRule ErrorResponseRemoved = new("error-response-removed", ChangeClass.Breaking, "A status's error body is no longer documented: a catch of its ApiException<T> no longer sees it.", "response-non-success-status-removed (INFO)", "not seen");
    public static readonly ChangeRule ErrorBodyChanged = new("error-body-changed", ChangeClass.Breaking, "A status's error body has another type: a catch of the old ApiException<T> no longer sees it.", "response-body-type-changed (ERR)", "not seen");

    // Client
    public static readonly ChangeRule CredentialRemoved = new("credential-removed", ChangeClass.Breaking, "The options lost a credential member.", "api-components-security-removed (INFO)", "CP0002 member removed: " + B);
    public static readonly ChangeRule CredentialAdded = new("credential-added", ChangeClass.NonBreaking, "The options have a new credential member (set it where the methods now send it).", "api-components-security-added (INFO)", "not breaking");
    public static readonly ChangeRule CredentialRenamed = new("credential-renamed", ChangeClass.Breaking, "The same credential is held by an options member of another name.", "none", "CP0002 member removed: " + B);
    public static readonly ChangeRule CredentialWireChanged = new("credential-wire-changed", ChangeClass.WireOnly, "The same credential is sent another way (another header, bearer instead of a key).", "api-components-security-type-updated (INFO)", "not seen");
    public static readonly ChangeRule BaseAddressChanged = new("base-address-changed", ChangeClass.WireOnly, "The client sends to another server by default (the spec's first server).", "none: oasdiff has no rules for servers", "not seen");

    // Docs
    public static readonly ChangeRule DocsChanged = new("docs-changed", ChangeClass.DocsOnly, "A summary, description, example or documented default changed.", "none: oasdiff ignores descriptions", "not seen");
    public static readonly ChangeRule Deprecated = new("deprecated", ChangeClass.DocsOnly, "Something is now marked deprecated, or no longer is: the XML docs say so, and an operation or property gets [Obsolete] (a CS0612/CS0618 warning where a caller uses it; a deprecated schema only in its docs).", "endpoint-deprecated, request/response-property-deprecated (INFO)", "not seen");

    /// <summary>Every rule, in the order the documentation lists them.</summary>
    public static IReadOnlyList<ChangeRule> All { get; } = typeof(ChangeRules)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(ChangeRule))
        .Select(static f => (ChangeRule)f.GetValue(null)!)
        .ToList();
}
