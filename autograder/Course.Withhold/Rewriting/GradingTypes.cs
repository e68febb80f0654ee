using Course.Withhold.Cli;
using dnlib.DotNet;
using dnlib.DotNet.Emit;

namespace Course.Withhold.Rewriting;

/// <summary>
/// The two public types an edition adds, in namespace <c>TinyTorch.Grading</c>: <c>ReferenceWithheldException</c>,
/// which every gutted body throws, and <c>WithheldReference</c>, whose settable <c>Forwarder</c> the grading runner
/// points at the trusted parent process so that forwarded members (notebook 03's <c>Tensor.Stack</c>) work there.
/// </summary>
/// <remarks>
/// Written in IL here rather than copied from compiled C#: they are tiny, and building them against the module's
/// own core library reference keeps the edition's references exactly those of the original.
/// </remarks>
internal static class GradingTypes
{
    /// <summary>The namespace of the injected types.</summary>
    public const string Namespace = "TinyTorch.Grading";

    /// <summary>The exception's simple name.</summary>
    public const string ExceptionName = "ReferenceWithheldException";

    /// <summary>The forwarder's simple name.</summary>
    public const string ForwarderName = "WithheldReference";

    private const string Withheld = "withheld while notebooks are graded, so a solution cannot use it.";

    /// <summary>Defines both types in <paramref name="module"/>.</summary>
    public static GradingReferences Inject(ModuleDef module)
    {
        if (module.Find($"{Namespace}.{ExceptionName}", isReflectionName: true) is not null)
        {
            throw new WithholdException(ExitCode.InputUnreadable,
                $"{module.Assembly?.Name ?? module.Name} already defines {Namespace}.{ExceptionName}: it is an edition already, or its own type clashes with the injected one.");
        }

        var exception = DefineException(module);
        var constructor = exception.FindInstanceConstructors().Single();
        var forwarder = DefineForwarder(module, constructor);
        return new GradingReferences(constructor, forwarder.FindMethods("Invoke").Single(m => m.Parameters.Count == 3), [exception, forwarder]);
    }

    /// <summary>Refers to the types that the edition of <paramref name="assemblyName"/>, which <paramref name="module"/> references, defines.</summary>
    public static GradingReferences Reference(ModuleDef module, string assemblyName)
    {
        var assembly = module.GetAssemblyRefs().FirstOrDefault(a => a.Name == assemblyName)
            ?? throw new WithholdException(ExitCode.PolicyInvalid,
                $"The policy of {module.Assembly?.Name} takes the grading types from {assemblyName}, which it does not reference.");
        var corlib = module.CorLibTypes;
        var exception = new TypeRefUser(module, Namespace, ExceptionName, assembly);
        var forwarder = new TypeRefUser(module, Namespace, ForwarderName, assembly);
        var constructor = new MemberRefUser(module, ".ctor", MethodSig.CreateInstance(corlib.Void, corlib.String, corlib.String), exception);
        var invoke = new MemberRefUser(module, "Invoke", InvokeSignature(corlib), forwarder);
        return new GradingReferences(constructor, invoke, []);
    }

    private static MethodSig InvokeSignature(ICorLibTypes corlib) =>
        MethodSig.CreateStatic(corlib.Object, corlib.String, corlib.String, new SZArraySig(corlib.Object));

    private static TypeDef DefineException(ModuleDef module)
    {
        var corlib = module.CorLibTypes;
        var baseType = corlib.GetTypeRef("System", "Exception");
        var type = new TypeDefUser(Namespace, ExceptionName, baseType)
        {
            Attributes = TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
        };
        module.Types.Add(type);
        var member = AutoProperty(type, "Member", corlib.String, isStatic: false);
        var exercise = AutoProperty(type, "Exercise", corlib.String, isStatic: false);

        var constructor = new MethodDefUser(".ctor", MethodSig.CreateInstance(corlib.Void, corlib.String, corlib.String),
            MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName | MethodAttributes.RTSpecialName);
        constructor.ParamDefs.Add(new ParamDefUser("member", 1));
        constructor.ParamDefs.Add(new ParamDefUser("exercise", 2));
        type.Methods.Add(constructor);
        var concat2 = new MemberRefUser(module, "Concat", MethodSig.CreateStatic(corlib.String, corlib.String, corlib.String), corlib.String.TypeDefOrRef);
        var concat4 = new MemberRefUser(module, "Concat", MethodSig.CreateStatic(corlib.String, corlib.String, corlib.String, corlib.String, corlib.String), corlib.String.TypeDefOrRef);
        var baseConstructor = new MemberRefUser(module, ".ctor", MethodSig.CreateInstance(corlib.Void, corlib.String), baseType);
        var named = Instruction.Create(OpCodes.Ldarg_1);
        var callBase = Instruction.Create(OpCodes.Call, baseConstructor);
        Body(constructor,
            // base(exercise is null ? $"{member} is withheld ..." : $"{member} is the reference answer to the {exercise} exercise: it is withheld ...")
            OpCodes.Ldarg_0.ToInstruction(),
            OpCodes.Ldarg_2.ToInstruction(),
            Instruction.Create(OpCodes.Brtrue_S, named),
            OpCodes.Ldarg_1.ToInstruction(),
            Instruction.Create(OpCodes.Ldstr, " is " + Withheld),
            Instruction.Create(OpCodes.Call, concat2),
            Instruction.Create(OpCodes.Br_S, callBase),
            named,
            Instruction.Create(OpCodes.Ldstr, " is the reference answer to the "),
            OpCodes.Ldarg_2.ToInstruction(),
            Instruction.Create(OpCodes.Ldstr, " exercise: it is " + Withheld),
            Instruction.Create(OpCodes.Call, concat4),
            callBase,
            OpCodes.Ldarg_0.ToInstruction(),
            OpCodes.Ldarg_1.ToInstruction(),
            Instruction.Create(OpCodes.Stfld, member),
            OpCodes.Ldarg_0.ToInstruction(),
            OpCodes.Ldarg_2.ToInstruction(),
            Instruction.Create(OpCodes.Stfld, exercise),
            OpCodes.Ret.ToInstruction());
        return type;
    }

    private static TypeDef DefineForwarder(ModuleDef module, MethodDef exceptionConstructor)
    {
        var corlib = module.CorLibTypes;
        var type = new TypeDefUser(Namespace, ForwarderName, corlib.Object.TypeDefOrRef)
        {
            Attributes = TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class | TypeAttributes.BeforeFieldInit,
        };
        module.Types.Add(type);
        var arguments = new SZArraySig(corlib.Object);
        var func = new GenericInstSig(new ClassSig(new TypeRefUser(module, "System", "Func`3", corlib.AssemblyRef)), corlib.String, arguments, corlib.Object);
        var forwarder = AutoProperty(type, "Forwarder", func, isStatic: true);
        var call = new MemberRefUser(module, "Invoke",
            MethodSig.CreateInstance(new GenericVar(2), new GenericVar(0), new GenericVar(1)), new TypeSpecUser(func));

        var invoke = Method(type, "Invoke", InvokeSignature(corlib), "member", "exercise", "arguments");
        var forward = Instruction.Create(OpCodes.Ldarg_0);
        Body(invoke,
            // var f = Forwarder; if (f is null) throw new ReferenceWithheldException(member, exercise); return f(member, arguments);
            OpCodes.Volatile.ToInstruction(),
            Instruction.Create(OpCodes.Ldsfld, forwarder),
            OpCodes.Dup.ToInstruction(),
            Instruction.Create(OpCodes.Brtrue_S, forward),
            OpCodes.Pop.ToInstruction(),
            OpCodes.Ldarg_0.ToInstruction(),
            OpCodes.Ldarg_1.ToInstruction(),
            Instruction.Create(OpCodes.Newobj, exceptionConstructor),
            OpCodes.Throw.ToInstruction(),
            forward,
            OpCodes.Ldarg_2.ToInstruction(),
            Instruction.Create(OpCodes.Callvirt, call),
            OpCodes.Ret.ToInstruction());

        var plain = Method(type, "Invoke", MethodSig.CreateStatic(corlib.Object, corlib.String, arguments), "member", "arguments");
        Body(plain,
            OpCodes.Ldarg_0.ToInstruction(),
            OpCodes.Ldnull.ToInstruction(),
            OpCodes.Ldarg_1.ToInstruction(),
            Instruction.Create(OpCodes.Call, invoke),
            OpCodes.Ret.ToInstruction());
        return type;
    }

    private static MethodDefUser Method(TypeDef type, string name, MethodSig signature, params string[] parameters)
    {
        var method = new MethodDefUser(name, signature, MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig);
        for (int i = 0; i < parameters.Length; i++)
        {
            method.ParamDefs.Add(new ParamDefUser(parameters[i], (ushort)(i + 1)));
        }

        type.Methods.Add(method);
        return method;
    }

    // A public property over a private field; an instance one is get-only (set in the constructor), a static one settable.
    private static FieldDef AutoProperty(TypeDef type, string name, TypeSig propertyType, bool isStatic)
    {
        var field = new FieldDefUser($"<{name}>k__BackingField", new FieldSig(propertyType),
            FieldAttributes.Private | (isStatic ? FieldAttributes.Static : FieldAttributes.InitOnly));
        type.Fields.Add(field);
        var accessorAttributes = MethodAttributes.Public | MethodAttributes.HideBySig | MethodAttributes.SpecialName | (isStatic ? MethodAttributes.Static : 0);
        var property = new PropertyDefUser(name, isStatic ? PropertySig.CreateStatic(propertyType) : PropertySig.CreateInstance(propertyType));
        type.Properties.Add(property);

        var getter = new MethodDefUser("get_" + name, isStatic ? MethodSig.CreateStatic(propertyType) : MethodSig.CreateInstance(propertyType), accessorAttributes);
        type.Methods.Add(getter);
        property.GetMethod = getter;
        Body(getter, isStatic
            ? [OpCodes.Volatile.ToInstruction(), Instruction.Create(OpCodes.Ldsfld, field), OpCodes.Ret.ToInstruction()]
            : [OpCodes.Ldarg_0.ToInstruction(), Instruction.Create(OpCodes.Ldfld, field), OpCodes.Ret.ToInstruction()]);
        if (isStatic)
        {
            var setter = new MethodDefUser("set_" + name, MethodSig.CreateStatic(type.Module.CorLibTypes.Void, propertyType), accessorAttributes);
            setter.ParamDefs.Add(new ParamDefUser("value", 1));
            type.Methods.Add(setter);
            property.SetMethod = setter;
            Body(setter, OpCodes.Ldarg_0.ToInstruction(), OpCodes.Volatile.ToInstruction(), Instruction.Create(OpCodes.Stsfld, field), OpCodes.Ret.ToInstruction());
        }

        return field;
    }

    private static void Body(MethodDef method, params Instruction[] instructions)
    {
        method.Body = new CilBody { InitLocals = false };
        foreach (var instruction in instructions)
        {
            method.Body.Instructions.Add(instruction);
        }
    }
}
