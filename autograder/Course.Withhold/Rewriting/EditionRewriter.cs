using dnlib.DotNet;

namespace Course.Withhold.Rewriting;

/// <summary>Applies an <see cref="EditionPlan"/> to its module, in place.</summary>
internal static class EditionRewriter
{
    /// <summary>Guts, forwards and removes as <paramref name="plan"/> says.</summary>
    public static void Apply(ModuleDef module, EditionPlan plan, GradingReferences grading)
    {
        var bodies = new BodyRewriter(grading);
        foreach (var (method, fate) in plan.Methods)
        {
            switch (fate.Kind)
            {
                case MethodFateKind.Gut:
                    bodies.Gut(method, fate);
                    break;
                case MethodFateKind.Forward:
                    bodies.Forward(method, fate);
                    break;
            }
        }

        foreach (var method in plan.Methods.Where(p => p.Value.Kind == MethodFateKind.Remove).Select(p => p.Key))
        {
            Detach(method);
            method.DeclaringType.Methods.Remove(method);
        }

        foreach (var field in plan.RemovedFields)
        {
            field.DeclaringType.Fields.Remove(field);
        }

        // Innermost first, so that removing a type never leaves a nested one it held without a parent to remove it from.
        foreach (var type in plan.RemovedTypes.OrderByDescending(Depth))
        {
            if (type.DeclaringType is { } outer)
            {
                outer.NestedTypes.Remove(type);
            }
            else
            {
                module.Types.Remove(type);
            }
        }
    }

    private static int Depth(TypeDef type)
    {
        int depth = 0;
        for (var t = type.DeclaringType; t is not null; t = t.DeclaringType)
        {
            depth++;
        }

        return depth;
    }

    // A removed accessor leaves its property or event; one left with no accessor goes too.
    private static void Detach(MethodDef method)
    {
        var type = method.DeclaringType;
        foreach (var property in type.Properties.ToArray())
        {
            property.GetMethods.Remove(method);
            property.SetMethods.Remove(method);
            property.OtherMethods.Remove(method);
            if (property.GetMethods.Count + property.SetMethods.Count + property.OtherMethods.Count == 0)
            {
                type.Properties.Remove(property);
            }
        }

        foreach (var @event in type.Events.ToArray())
        {
            if (@event.AddMethod == method)
            {
                @event.AddMethod = null;
            }

            if (@event.RemoveMethod == method)
            {
                @event.RemoveMethod = null;
            }

            if (@event.InvokeMethod == method)
            {
                @event.InvokeMethod = null;
            }

            @event.OtherMethods.Remove(method);
            if (@event.AddMethod is null && @event.RemoveMethod is null && @event.InvokeMethod is null && @event.OtherMethods.Count == 0)
            {
                type.Events.Remove(@event);
            }
        }
    }
}
