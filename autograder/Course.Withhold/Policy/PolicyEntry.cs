namespace Course.Withhold.Policy;

/// <summary>One line of a policy: a type or a member, and the exercise it answers (for messages).</summary>
/// <param name="Name">
/// A type's full name as reflection spells it (<c>TinyTorch.Data.Prefetcher`1</c>, nested types with <c>+</c>), or a
/// member's: the type's name, a dot and the member's name (<c>TinyTorch.Tensor.Stack</c>; every overload).
/// </param>
/// <param name="IsType">Whether <paramref name="Name"/> names a type (every member of it, nested types included).</param>
/// <param name="Exercise">The exercise whose reference answer this is, as students know it (<c>DataLoader</c>); null for none.</param>
public sealed record PolicyEntry(string Name, bool IsType, string? Exercise)
{
    /// <summary>How the entry reads in messages: <c>type TinyTorch.Data.DataLoader</c>.</summary>
    public override string ToString() => (IsType ? "type " : "member ") + Name;
}
