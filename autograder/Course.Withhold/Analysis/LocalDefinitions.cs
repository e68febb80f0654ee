using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>
/// Resolves references (tokens in IL, signatures) to the definitions of one module, without loading any other
/// assembly: only what the module defines can be kept or withheld, so anything else resolves to null.
/// </summary>
internal sealed class LocalDefinitions(ModuleDef module)
{
    /// <summary>The method of this module that <paramref name="method"/> calls (a generic instance's definition), or null.</summary>
    public MethodDef? Method(IMethod? method) => method switch
    {
        MethodDef def => def.Module == module ? def : null,
        MethodSpec spec => Method(spec.Method),
        MemberRef { IsMethodRef: true } reference => Type(reference.Class as ITypeDefOrRef)?.FindMethod(reference.Name, reference.MethodSig),
        _ => null,
    };

    /// <summary>The field of this module that <paramref name="field"/> names, or null.</summary>
    public FieldDef? Field(IField? field) => field switch
    {
        FieldDef def => def.Module == module ? def : null,
        MemberRef { IsFieldRef: true } reference => Type(reference.Class as ITypeDefOrRef)?.FindField(reference.Name, reference.FieldSig),
        _ => null,
    };

    /// <summary>The type of this module that <paramref name="type"/> names (a generic instance's definition), or null.</summary>
    public TypeDef? Type(ITypeDefOrRef? type) => type switch
    {
        TypeDef def => def.Module == module ? def : null,
        TypeSpec { TypeSig: GenericInstSig generic } => Type(generic.GenericType?.TypeDefOrRef),
        _ => null,
    };

    /// <summary>Every type of this module that <paramref name="type"/> mentions: itself, its generic arguments, elements, modifiers.</summary>
    public IEnumerable<TypeDef> TypesIn(ITypeDefOrRef? type) => type switch
    {
        TypeDef or TypeRef => Type(type) is { } def ? [def] : [],
        TypeSpec spec => TypesIn(spec.TypeSig),
        _ => [],
    };

    /// <summary>Every type of this module that <paramref name="sig"/> mentions.</summary>
    public IEnumerable<TypeDef> TypesIn(TypeSig? sig) => sig switch
    {
        GenericInstSig generic => TypesIn(generic.GenericType).Concat(generic.GenericArguments.SelectMany(TypesIn)),
        TypeDefOrRefSig plain => TypesIn(plain.TypeDefOrRef),
        FnPtrSig pointer => TypesIn(pointer.MethodSig),
        ModifierSig modifier => TypesIn(modifier.Modifier).Concat(TypesIn(modifier.Next)),
        NonLeafSig wrapper => TypesIn(wrapper.Next),
        _ => [],
    };

    /// <summary>Every type of this module that a method or property signature mentions.</summary>
    public IEnumerable<TypeDef> TypesIn(MethodBaseSig? sig) =>
        sig is null ? [] : TypesIn(sig.RetType).Concat(sig.Params.SelectMany(TypesIn)).Concat(sig.ParamsAfterSentinel?.SelectMany(TypesIn) ?? []);

    /// <summary>Every type of this module that a member reference mentions: its declaring type, signature and generic arguments.</summary>
    public IEnumerable<TypeDef> TypesIn(IMemberRef? member) => member switch
    {
        MethodSpec spec => TypesIn(spec.Method).Concat(spec.GenericInstMethodSig?.GenericArguments.SelectMany(TypesIn) ?? []),
        IMethod method => TypesIn(method.DeclaringType).Concat(TypesIn(method.MethodSig)),
        IField field => TypesIn(field.DeclaringType).Concat(TypesIn(field.FieldSig?.Type)),
        _ => [],
    };
}
