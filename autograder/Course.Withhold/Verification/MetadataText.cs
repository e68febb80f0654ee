using System.Globalization;
using dnlib.DotNet;
using dnlib.DotNet.Emit;

namespace Course.Withhold.Verification;

/// <summary>
/// Text renderings of metadata that do not depend on tokens or heap offsets, so that the original and the edition
/// (which the writer renumbers) compare as text.
/// </summary>
internal static class MetadataText
{
    /// <summary>A custom attribute with its arguments: <c>System.ParamArrayAttribute()</c>.</summary>
    public static string Of(CustomAttribute attribute) =>
        attribute.Constructor.FullName + "(" + string.Join(", ",
            attribute.ConstructorArguments.Select(Of).Concat(attribute.NamedArguments.Select(n => (n.IsField ? "field " : "property ") + n.Name + " = " + Of(n.Argument)))) + ")";

    /// <summary>An instruction: its opcode and its operand by name (a branch by target index).</summary>
    public static string Of(Instruction instruction, IList<Instruction> body) =>
        instruction.OpCode.Name + " " + instruction.Operand switch
        {
            null => "",
            Instruction target => "@" + body.IndexOf(target).ToString(CultureInfo.InvariantCulture),
            IList<Instruction> targets => string.Join(",", targets.Select(t => "@" + body.IndexOf(t).ToString(CultureInfo.InvariantCulture))),
            string text => "\"" + text + "\"",
            IFullName named => named.FullName,
            Local local => "local" + local.Index.ToString(CultureInfo.InvariantCulture),
            Parameter parameter => "arg" + parameter.Index.ToString(CultureInfo.InvariantCulture),
            MethodSig signature => signature.ToString(),
            IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };

    /// <summary>A method's body: locals, exception handlers and instructions, one per line.</summary>
    public static IReadOnlyList<string> BodyOf(MethodDef method)
    {
        if (!method.HasBody)
        {
            return ["(no body)"];
        }

        var body = method.Body;
        var instructions = body.Instructions;
        return body.Variables.Select(v => "local " + v.Type.FullName)
            .Concat(body.ExceptionHandlers.Select(h =>
                $"handler {h.HandlerType} try @{instructions.IndexOf(h.TryStart)}-@{instructions.IndexOf(h.TryEnd)} handler @{instructions.IndexOf(h.HandlerStart)}-@{instructions.IndexOf(h.HandlerEnd)} filter @{instructions.IndexOf(h.FilterStart)} catch {h.CatchType?.FullName}"))
            .Concat(instructions.Select(i => Of(i, instructions)))
            .Append(body.InitLocals ? "initlocals" : "")
            .ToArray();
    }

    private static string Of(CAArgument argument) => argument.Type.FullName + " " + argument.Value switch
    {
        null => "null",
        CAArgument boxed => "(" + Of(boxed) + ")",
        IEnumerable<CAArgument> items => "[" + string.Join(", ", items.Select(Of)) + "]",
        TypeSig type => "typeof(" + type.FullName + ")",
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        var value => value.ToString(),
    };
}
