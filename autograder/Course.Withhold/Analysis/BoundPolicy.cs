using Course.Withhold.Policy;
using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>An assembly's policy resolved against its module: which definitions each entry names.</summary>
/// <param name="Policy">The policy as written.</param>
/// <param name="WithheldTypes">Types withheld whole, with their entries (nested types are withheld with their enclosing type).</param>
/// <param name="WithheldMembers">Methods and fields withheld one by one (a property's or event's accessors).</param>
/// <param name="Forwarded">Methods whose bodies forward to the grading runner.</param>
/// <param name="KeepOnly">The roots of a keep-only policy, or null when every public type that is not withheld is a root.</param>
internal sealed record BoundPolicy(
    AssemblyPolicy Policy,
    IReadOnlyDictionary<TypeDef, PolicyEntry> WithheldTypes,
    IReadOnlyDictionary<IMemberDef, PolicyEntry> WithheldMembers,
    IReadOnlyDictionary<MethodDef, PolicyEntry> Forwarded,
    IReadOnlyList<IMemberDef>? KeepOnly)
{
    /// <summary>The withheld type entry that covers <paramref name="type"/> (itself or an enclosing type), or null.</summary>
    public PolicyEntry? TypeEntryOf(TypeDef type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (WithheldTypes.TryGetValue(t, out var entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The entry that withholds <paramref name="member"/> (its own or its type's), or null when the policy keeps it.</summary>
    public PolicyEntry? EntryOf(IMemberDef member) =>
        WithheldMembers.TryGetValue(member, out var entry) ? entry : TypeEntryOf(member.DeclaringType);
}
