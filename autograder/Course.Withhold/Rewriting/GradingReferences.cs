using dnlib.DotNet;

namespace Course.Withhold.Rewriting;

/// <summary>What gutted and forwarded bodies call, in the module being rewritten.</summary>
/// <param name="ExceptionConstructor"><c>ReferenceWithheldException(string member, string? exercise)</c>.</param>
/// <param name="Invoke"><c>object? WithheldReference.Invoke(string member, string? exercise, object?[] arguments)</c>.</param>
/// <param name="Injected">The types injected into this module (none when another assembly's edition defines them).</param>
internal sealed record GradingReferences(IMethod ExceptionConstructor, IMethod Invoke, IReadOnlyList<TypeDef> Injected);
