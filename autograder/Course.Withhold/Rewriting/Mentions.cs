using Course.Withhold.Analysis;
using dnlib.DotNet;

namespace Course.Withhold.Rewriting;

/// <summary>The types of a module that a definition mentions, so that every type something in the edition names stays in it.</summary>
internal sealed class Mentions(LocalDefinitions local)
{
    /// <summary>A type's base type, interfaces, generic constraints and attributes.</summary>
    public IEnumerable<TypeDef> OfType(TypeDef type) =>
        local.TypesIn(type.BaseType)
            .Concat(type.Interfaces.SelectMany(i => local.TypesIn(i.Interface).Concat(OfAttributes(i))))
            .Concat(OfGenericParameters(type.GenericParameters))
            .Concat(OfAttributes(type));

    /// <summary>A method's signature, constraints, attributes (but not those naming a state machine, which a gutted method loses), overrides and, if kept, its body.</summary>
    public IEnumerable<TypeDef> OfMethod(MethodDef method, bool withBody)
    {
        var mentioned = local.TypesIn(method.MethodSig)
            .Concat(OfGenericParameters(method.GenericParameters))
            .Concat(AttributeHolders.Of(method).SelectMany(h => h.CustomAttributes).Where(a => withBody || !CompilerAttributes.IsStateMachine(a)).SelectMany(OfAttribute))
            .Concat(method.Overrides.SelectMany(o => local.TypesIn(o.MethodDeclaration)));
        if (!withBody || !method.HasBody)
        {
            return mentioned;
        }

        var body = method.Body;
        return mentioned
            .Concat(body.Variables.SelectMany(v => local.TypesIn(v.Type)))
            .Concat(body.ExceptionHandlers.SelectMany(h => local.TypesIn(h.CatchType)))
            .Concat(body.Instructions.SelectMany(i => i.Operand switch
            {
                IMemberRef member when member is IMethod or IField => local.TypesIn(member),
                ITypeDefOrRef type => local.TypesIn(type),
                MethodSig signature => local.TypesIn(signature),
                _ => [],
            }));
    }

    /// <summary>A field's type and attributes.</summary>
    public IEnumerable<TypeDef> OfField(FieldDef field) => local.TypesIn(field.FieldSig?.Type).Concat(OfAttributes(field));

    /// <summary>A property's signature and attributes.</summary>
    public IEnumerable<TypeDef> OfProperty(PropertyDef property) => local.TypesIn(property.PropertySig).Concat(OfAttributes(property));

    /// <summary>An event's type and attributes.</summary>
    public IEnumerable<TypeDef> OfEvent(EventDef @event) => local.TypesIn(@event.EventType).Concat(OfAttributes(@event));

    private IEnumerable<TypeDef> OfGenericParameters(IEnumerable<GenericParam> parameters) =>
        parameters.SelectMany(p => OfAttributes(p).Concat(p.GenericParamConstraints.SelectMany(c => local.TypesIn(c.Constraint).Concat(OfAttributes(c)))));

    private IEnumerable<TypeDef> OfAttributes(IHasCustomAttribute holder) => holder.CustomAttributes.SelectMany(OfAttribute);

    private IEnumerable<TypeDef> OfAttribute(CustomAttribute attribute) =>
        local.TypesIn(attribute.AttributeType)
            .Concat(attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.Argument)).SelectMany(OfArgument));

    private IEnumerable<TypeDef> OfArgument(CAArgument argument) =>
        local.TypesIn(argument.Type).Concat(argument.Value switch
        {
            TypeSig type => local.TypesIn(type),
            CAArgument boxed => OfArgument(boxed),
            IEnumerable<CAArgument> array => array.SelectMany(OfArgument),
            _ => [],
        });
}
