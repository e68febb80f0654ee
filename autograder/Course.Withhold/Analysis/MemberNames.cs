using System.Text;
using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>
/// Names of types and members as people read them (<c>TinyTorch.Data.Prefetcher&lt;T&gt;.GetEnumerator</c>), for
/// exception messages and for the paths the tool reports.
/// </summary>
internal static class MemberNames
{
    /// <summary>A type's name: namespace, enclosing types and generic parameters, e.g. <c>TinyTorch.Data.Prefetcher&lt;T&gt;</c>.</summary>
    public static string Of(TypeDef type)
    {
        var name = new StringBuilder();
        if (type.DeclaringType is { } outer)
        {
            name.Append(Of(outer)).Append('.');
        }
        else if (!UTF8String.IsNullOrEmpty(type.Namespace))
        {
            name.Append(type.Namespace.String).Append('.');
        }

        string simple = type.Name.String;
        int tick = simple.IndexOf('`', StringComparison.Ordinal);
        name.Append(tick < 0 ? simple : simple[..tick]);
        // Only the parameters this type declares itself: a nested type repeats its outer type's ones.
        var own = type.GenericParameters.Skip(type.DeclaringType?.GenericParameters.Count ?? 0).ToArray();
        if (own.Length > 0)
        {
            name.Append('<').Append(string.Join(", ", own.Select(p => p.Name.String))).Append('>');
        }

        return name.ToString();
    }

    /// <summary>
    /// What a student would call the member: constructors by their type's name, accessors by their property's or
    /// event's name (<c>TinyTorch.Data.DataLoader.Count</c>), an indexer as <c>this[]</c>.
    /// </summary>
    public static string Of(IMemberDef member)
    {
        var type = member.DeclaringType;
        if (member is MethodDef { IsConstructor: true } or MethodDef { IsStaticConstructor: true })
        {
            return Of(type);
        }

        string name = member is MethodDef method && OwnerOf(method) is { } owner ? owner.Name.String : member.Name.String;
        // An explicit interface implementation is named after its interface ("Ns.IWindowTransform.Draw"); students know it as Draw.
        name = name[(name.LastIndexOf('.') + 1)..];
        return Of(type) + "." + (name == "Item" && member is MethodDef { IsSpecialName: true } or PropertyDef { Name.String: "Item" } ? "this[]" : name);
    }

    /// <summary>A member with its parameters, for paths: <c>TinyTorch.Transforms.Normalize.Check(ReadOnlySpan&lt;Int32&gt;)</c>.</summary>
    public static string WithSignature(IMemberDef member) => member switch
    {
        MethodDef method => Of(method.DeclaringType) + "." + method.Name.String + "(" + string.Join(", ", method.MethodSig.Params.Select(Short)) + ")",
        _ => Of(member.DeclaringType) + "." + member.Name.String,
    };

    /// <summary>The property or event <paramref name="accessor"/> belongs to, or null.</summary>
    public static IMemberDef? OwnerOf(MethodDef accessor)
    {
        if (!accessor.IsSpecialName || accessor.DeclaringType is not { } type)
        {
            return null;
        }

        return (IMemberDef?)type.Properties.FirstOrDefault(p => p.GetMethods.Contains(accessor) || p.SetMethods.Contains(accessor) || p.OtherMethods.Contains(accessor))
            ?? type.Events.FirstOrDefault(e => e.AddMethod == accessor || e.RemoveMethod == accessor || e.InvokeMethod == accessor || e.OtherMethods.Contains(accessor));
    }

    private static string Short(TypeSig sig) => sig switch
    {
        ByRefSig byRef => "ref " + Short(byRef.Next),
        SZArraySig array => Short(array.Next) + "[]",
        ArraySig array => Short(array.Next) + "[" + new string(',', (int)array.Rank - 1) + "]",
        PtrSig pointer => Short(pointer.Next) + "*",
        GenericInstSig generic => Bare(generic.GenericType.TypeName) + "<" + string.Join(", ", generic.GenericArguments.Select(Short)) + ">",
        ModifierSig modifier => Short(modifier.Next),
        PinnedSig pinned => Short(pinned.Next),
        _ => Bare(sig.TypeName),
    };

    private static string Bare(string name)
    {
        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
