using Course.Withhold.Analysis;
using Course.Withhold.Cli;
using dnlib.DotNet;
using dnlib.DotNet.Emit;

namespace Course.Withhold.Rewriting;

/// <summary>Replaces method bodies: by a throw (gutting) or by a call to the grading forwarder (forwarding).</summary>
internal sealed class BodyRewriter(GradingReferences grading)
{
    /// <summary>
    /// Makes <paramref name="method"/>'s body <c>throw new ReferenceWithheldException(member, exercise)</c>. A
    /// constructor throws before calling its base constructor, which is valid IL: it never returns, so it never
    /// hands back an object that was not initialised.
    /// </summary>
    public void Gut(MethodDef method, MethodFate fate)
    {
        Replace(method,
            Instruction.Create(OpCodes.Ldstr, fate.Member),
            Exercise(fate),
            Instruction.Create(OpCodes.Newobj, grading.ExceptionConstructor),
            OpCodes.Throw.ToInstruction());
    }

    /// <summary>
    /// Makes <paramref name="method"/>'s body box its arguments (an instance method's <c>this</c> first), call
    /// <c>WithheldReference.Invoke(member, exercise, arguments)</c> and cast or unbox the result.
    /// </summary>
    /// <exception cref="WithholdException">The method cannot be forwarded: a constructor, a struct's instance method, or a parameter or result that cannot be boxed (by reference, a pointer, a span).</exception>
    public void Forward(MethodDef method, MethodFate fate)
    {
        RequireForwardable(method);
        var instructions = new List<Instruction>
        {
            Instruction.Create(OpCodes.Ldstr, fate.Member),
            Exercise(fate),
            Instruction.CreateLdcI4(method.Parameters.Count),
            Instruction.Create(OpCodes.Newarr, method.Module.CorLibTypes.Object.TypeDefOrRef),
        };
        foreach (var parameter in method.Parameters)
        {
            instructions.Add(OpCodes.Dup.ToInstruction());
            instructions.Add(Instruction.CreateLdcI4(parameter.Index));
            instructions.Add(Instruction.Create(OpCodes.Ldarg, parameter));
            if (NeedsBox(parameter.Type))
            {
                instructions.Add(Instruction.Create(OpCodes.Box, parameter.Type.ToTypeDefOrRef()));
            }

            instructions.Add(OpCodes.Stelem_Ref.ToInstruction());
        }

        instructions.Add(Instruction.Create(OpCodes.Call, grading.Invoke));
        var result = method.MethodSig.RetType;
        if (result.ElementType == ElementType.Void)
        {
            instructions.Add(OpCodes.Pop.ToInstruction());
        }
        else if (NeedsBox(result))
        {
            instructions.Add(Instruction.Create(OpCodes.Unbox_Any, result.ToTypeDefOrRef()));
        }
        else if (result.ElementType != ElementType.Object)
        {
            instructions.Add(Instruction.Create(OpCodes.Castclass, result.ToTypeDefOrRef()));
        }

        instructions.Add(OpCodes.Ret.ToInstruction());
        Replace(method, [.. instructions]);
    }

    private static Instruction Exercise(MethodFate fate) =>
        fate.Exercise is null ? OpCodes.Ldnull.ToInstruction() : Instruction.Create(OpCodes.Ldstr, fate.Exercise);

    private static bool NeedsBox(TypeSig type) => type.IsValueType || type.IsGenericParameter;

    private static void RequireForwardable(MethodDef method)
    {
        string name = MemberNames.WithSignature(method);
        string? problem = method switch
        {
            { IsConstructor: true } or { IsStaticConstructor: true } => "it is a constructor, which must return the object it initialises, not one the forwarder makes",
            { IsStatic: false, DeclaringType.IsValueType: true } => "it is an instance method of a struct, whose `this` cannot be boxed and written back",
            { HasBody: false } => "it has no body to replace",
            _ => null,
        };
        problem ??= method.Parameters.Where(p => !p.IsHiddenThisParameter).Select(p => Unboxable(p.Type) is { } why ? $"parameter '{p.Name}' is {why}" : null).FirstOrDefault(p => p is not null)
            ?? (Unboxable(method.MethodSig.RetType) is { } result ? $"its result is {result}" : null);
        if (problem is not null)
        {
            throw new WithholdException(ExitCode.OutputFailed, $"Cannot forward {name}: {problem}.");
        }
    }

    private static string? Unboxable(TypeSig type)
    {
        var bare = type.RemovePinnedAndModifiers();
        if (bare is ByRefSig)
        {
            return "passed by reference";
        }

        if (bare is PtrSig or FnPtrSig || bare.ElementType is ElementType.TypedByRef)
        {
            return "a pointer";
        }

        var definition = (bare as GenericInstSig)?.GenericType.TypeDefOrRef ?? bare.ToTypeDefOrRef();
        bool byRefLike = definition?.FullName is "System.Span`1" or "System.ReadOnlySpan`1"
            || (definition as TypeDef)?.CustomAttributes.IsDefined("System.Runtime.CompilerServices.IsByRefLikeAttribute") == true;
        return byRefLike ? "a ref struct (a span), which cannot be boxed" : null;
    }

    private static void Replace(MethodDef method, params Instruction[] instructions)
    {
        var body = new CilBody { InitLocals = false };
        foreach (var instruction in instructions)
        {
            body.Instructions.Add(instruction);
        }

        method.Body = body;
        foreach (var stateMachine in method.CustomAttributes.Where(CompilerAttributes.IsStateMachine).ToArray())
        {
            method.CustomAttributes.Remove(stateMachine);
        }
    }
}
