using dnlib.DotNet;

namespace Course.Withhold.Analysis;

/// <summary>Everything in a module or type that can carry custom attributes, so no attribute is overlooked.</summary>
internal static class AttributeHolders
{
    /// <summary>The assembly, the module and every type with everything in it.</summary>
    public static IEnumerable<IHasCustomAttribute> Of(ModuleDef module)
    {
        IEnumerable<IHasCustomAttribute> top = module.Assembly is { } assembly ? [assembly, module] : [module];
        return top.Concat(module.GetTypes().SelectMany(Of));
    }

    /// <summary>The type, its generic parameters, interface implementations and members with their parameters.</summary>
    public static IEnumerable<IHasCustomAttribute> Of(TypeDef type) =>
        new IHasCustomAttribute[] { type }
            .Concat(OfGenericParameters(type.GenericParameters))
            .Concat(type.Interfaces)
            .Concat(type.Fields)
            .Concat(type.Properties)
            .Concat(type.Events)
            .Concat(type.Methods.SelectMany(Of));

    /// <summary>The method, its parameters (the return parameter too) and its generic parameters.</summary>
    public static IEnumerable<IHasCustomAttribute> Of(MethodDef method) =>
        new IHasCustomAttribute[] { method }.Concat(method.ParamDefs).Concat(OfGenericParameters(method.GenericParameters));

    private static IEnumerable<IHasCustomAttribute> OfGenericParameters(IEnumerable<GenericParam> parameters) =>
        parameters.SelectMany(p => new IHasCustomAttribute[] { p }.Concat(p.GenericParamConstraints));
}
