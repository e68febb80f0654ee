namespace Course.Withhold.Rewriting;

/// <summary>What becomes of one method in the edition.</summary>
internal enum MethodFateKind
{
    /// <summary>Kept as it is (the contract and what it reaches, or a method with no body).</summary>
    Keep,

    /// <summary>Its body becomes a throw of <c>ReferenceWithheldException</c>.</summary>
    Gut,

    /// <summary>Its body becomes a call to the grading forwarder.</summary>
    Forward,

    /// <summary>Removed: nothing outside the assembly can name it, nothing kept calls it, and no type needs it to load.</summary>
    Remove,
}

/// <summary>What becomes of one method, and how a throw or a forward names it.</summary>
/// <param name="Kind">Kept, gutted, forwarded or removed.</param>
/// <param name="Member">The member as messages name it (<c>TinyTorch.Data.DataLoader.Count</c>).</param>
/// <param name="Exercise">The exercise whose answer it is, or null.</param>
internal sealed record MethodFate(MethodFateKind Kind, string Member, string? Exercise);
