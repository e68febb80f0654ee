using System.Reflection;
using System.Text.Json.Nodes;
using TinyTorch;
using TinyTorch.Data;
using TinyTorch.Transforms;

namespace Course.Boundary;

/// <summary>
/// The values of a factory's signature on the wire, encoded by their declared type, which always comes from the
/// trusted side's delegate type and never from the wire: numbers, booleans and strings as JSON; tensors by value;
/// datasets, transforms and sequences by reference; results that are functions by reference; records (one public
/// constructor whose parameters are its properties) as an object of their fields. Every read goes through
/// <see cref="Json"/> and <see cref="ObjectHost"/>, whose limits hold; lists are capped at <see cref="MaxListLength"/>.
/// </summary>
internal static class SignatureValues
{
    /// <summary>The most elements a list of samples or of transforms may have (a batch holds a few hundred).</summary>
    public const int MaxListLength = ObjectHost.MaxTensorsPerValue;

    private const int MaxRecordDepth = 4;

    private static readonly Dictionary<Type, string> ReferenceKinds = new()
    {
        [typeof(Dataset<Tensor[]>)] = "dataset",
        [typeof(ITransform)] = "transform",
        [typeof(IEnumerable<int>)] = "ints",
        [typeof(IEnumerable<IReadOnlyList<Tensor>>)] = "tensors",
    };

    /// <summary>Whether values of <paramref name="type"/> can cross, as arguments or as results.</summary>
    /// <param name="type">A declared type.</param>
    /// <param name="asResult">Results may also be functions (called back by reference).</param>
    /// <returns>Whether they can.</returns>
    public static bool CanCross(Type type, bool asResult) => CanCross(type, asResult, 0);

    /// <summary>Writes a value as the field <paramref name="name"/> of <paramref name="fields"/>.</summary>
    /// <param name="host">This side's host.</param>
    /// <param name="fields">The object the value goes in.</param>
    /// <param name="name">Its field.</param>
    /// <param name="type">Its declared type.</param>
    /// <param name="value">The value.</param>
    /// <param name="payload">Where tensors go.</param>
    /// <param name="asResult">Whether it is a call's result (objects are then this side's own, never a reference back).</param>
    public static void Write(ObjectHost host, JsonObject fields, string name, Type type, object? value, Payload payload, bool asResult)
    {
        if (value is null)
        {
            throw new InvalidOperationException($"A null {type.Name} cannot cross the grading boundary.");
        }

        fields[name] = value switch
        {
            string text => JsonValue.Create(text),
            int number => JsonValue.Create(number),
            long number => JsonValue.Create(number),
            double number => JsonValue.Create(number),
            float number => JsonValue.Create((double)number),
            bool flag => JsonValue.Create(flag),
            Tensor t => host.WriteTensor(t, payload),
            Tensor[] tensors => host.WriteTensors(tensors, payload),
            _ when type == typeof(IReadOnlyList<Tensor[]>) => new JsonArray(((IReadOnlyList<Tensor[]>)value).Select(s => (JsonNode?)host.WriteTensors(s, payload)).ToArray()),
            ITransform[] transforms => new JsonArray(transforms.Select(t => (JsonNode?)host.Reference(t, "transform")).ToArray()),
            _ when ReferenceKinds.TryGetValue(type, out string? kind) => asResult ? host.WriteRef(value, kind) : host.Reference(value, kind),
            Delegate when asResult => host.WriteRef(value, "function"),
            _ => WriteRecord(host, type, value, payload, asResult),
        };
    }

    /// <summary>Reads the field <paramref name="name"/> of <paramref name="fields"/> as a value of <paramref name="type"/>.</summary>
    /// <param name="host">This side's host.</param>
    /// <param name="fields">The object the value is in.</param>
    /// <param name="name">Its field.</param>
    /// <param name="type">The declared type.</param>
    /// <param name="payload">The frame's payload.</param>
    /// <param name="received">Where the handles of the tensors read are noted for the reply (arguments), or null.</param>
    /// <returns>The value.</returns>
    /// <exception cref="BoundaryProtocolException">The field is missing, malformed or too large.</exception>
    public static object Read(ObjectHost host, JsonObject fields, string name, Type type, ReadOnlyMemory<byte> payload, JsonObject? received)
    {
        if (type == typeof(string))
        {
            return Json.String(fields, name);
        }

        if (type == typeof(int))
        {
            return Json.Int(fields, name);
        }

        if (type == typeof(long))
        {
            return Json.Long(fields, name);
        }

        if (type == typeof(double))
        {
            return Json.Double(fields, name);
        }

        if (type == typeof(float))
        {
            return (float)Json.Double(fields, name);
        }

        if (type == typeof(bool))
        {
            return Json.Bool(fields, name);
        }

        if (type == typeof(Tensor))
        {
            Tensor tensor = host.ReadTensor(fields[name], payload);
            Note(received, name, host.Received([tensor]));
            return tensor;
        }

        if (type == typeof(Tensor[]))
        {
            Tensor[] tensors = host.ReadTensors(fields[name], payload);
            Note(received, name, host.Received(tensors));
            return tensors;
        }

        if (type == typeof(IReadOnlyList<Tensor[]>))
        {
            List<Tensor[]> samples = [.. List(fields, name).Select(s => host.ReadTensors(s, payload))];
            Note(received, name, new JsonArray(samples.Select(s => (JsonNode?)host.Received(s)).ToArray()));
            return samples;
        }

        if (type == typeof(ITransform[]))
        {
            return List(fields, name).Select(host.ReadRef<ITransform>).ToArray();
        }

        if (ReferenceKinds.ContainsKey(type))
        {
            return ReadReference(host, type, fields[name]);
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            JsonObject reference = Json.AsObject(fields[name], "a reference to a function");
            if (Json.String(reference, "owner") != host.Peer || Json.String(reference, "kind") != "function")
            {
                throw new BoundaryProtocolException($"A function came as a reference owned by '{reference["owner"]}' of kind '{reference["kind"]}'; only the {host.Peer}'s functions are called back.");
            }

            return RemoteFactory.Create(host, FactoryCalls.FunctionOperation, type, Json.Long(reference, "ref"));
        }

        return ReadRecord(host, type, Json.Object(fields, name), payload, received is null ? null : Subfields(received, name));
    }

    /// <summary>
    /// After a call, remembers that the other side holds copies of the tensors this side sent (from the reply's
    /// <c>received</c>): later fills and re-reads of those tensors go to the copies, as aliasing checks need.
    /// </summary>
    /// <param name="host">This side's host.</param>
    /// <param name="type">The argument's declared type.</param>
    /// <param name="value">The argument sent.</param>
    /// <param name="received">The other side's handles of its copies, as it noted them.</param>
    public static void Remember(ObjectHost host, Type type, object? value, JsonNode? received)
    {
        switch (value)
        {
            case Tensor tensor:
                RememberCopies(host, [tensor], received);
                break;
            case Tensor[] tensors:
                RememberCopies(host, tensors, received);
                break;
            case IReadOnlyList<Tensor[]> samples when type == typeof(IReadOnlyList<Tensor[]>) && received is JsonArray each && each.Count == samples.Count:
                for (int s = 0; s < samples.Count; s++)
                {
                    RememberCopies(host, samples[s], each[s]);
                }

                break;
            case not null when received is JsonObject fields && Record(type) is { } constructor:
                foreach (var parameter in constructor.GetParameters())
                {
                    Remember(host, parameter.ParameterType, Property(type, parameter)!.GetValue(value), fields[parameter.Name!]);
                }

                break;
        }
    }

    private static bool CanCross(Type type, bool asResult, int depth) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float) || type == typeof(bool)
        || type == typeof(Tensor) || type == typeof(Tensor[]) || type == typeof(IReadOnlyList<Tensor[]>) || type == typeof(ITransform[])
        || ReferenceKinds.ContainsKey(type)
        || (asResult && typeof(Delegate).IsAssignableFrom(type) && FactoryCalls.CanCall(type))
        || (depth < MaxRecordDepth && Record(type) is { } constructor && constructor.GetParameters().All(p => CanCross(p.ParameterType, asResult, depth + 1)));

    // A record crosses as its fields: one public constructor, each parameter a public property of the same name and type.
    private static ConstructorInfo? Record(Type type)
    {
        if (type.IsAbstract || type.IsInterface || type.IsPrimitive || typeof(Delegate).IsAssignableFrom(type))
        {
            return null;
        }

        ConstructorInfo[] constructors = type.GetConstructors();
        return constructors is [{ } only] && only.GetParameters() is { Length: > 0 } parameters && parameters.All(p => Property(type, p) is not null) ? only : null;
    }

    private static PropertyInfo? Property(Type type, ParameterInfo parameter) =>
        type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanRead: true } property && property.PropertyType == parameter.ParameterType
            ? property
            : null;

    private static JsonObject WriteRecord(ObjectHost host, Type type, object value, Payload payload, bool asResult)
    {
        ConstructorInfo constructor = Record(type) ?? throw new InvalidOperationException($"A {type.Name} cannot cross the grading boundary.");
        var fields = new JsonObject();
        foreach (var parameter in constructor.GetParameters())
        {
            Write(host, fields, parameter.Name!, parameter.ParameterType, Property(type, parameter)!.GetValue(value), payload, asResult);
        }

        return fields;
    }

    private static object ReadRecord(ObjectHost host, Type type, JsonObject fields, ReadOnlyMemory<byte> payload, JsonObject? received)
    {
        ConstructorInfo constructor = Record(type) ?? throw new InvalidOperationException($"A {type.Name} cannot cross the grading boundary.");
        object[] values = [.. constructor.GetParameters().Select(p => Read(host, fields, p.Name!, p.ParameterType, payload, received))];
        return constructor.Invoke(values);
    }

    private static object ReadReference(ObjectHost host, Type type, JsonNode? node) => type switch
    {
        _ when type == typeof(Dataset<Tensor[]>) => host.ReadRef<Dataset<Tensor[]>>(node),
        _ when type == typeof(ITransform) => host.ReadRef<ITransform>(node),
        _ when type == typeof(IEnumerable<int>) => host.ReadRef<IEnumerable<int>>(node),
        _ => host.ReadRef<IEnumerable<IReadOnlyList<Tensor>>>(node),
    };

    private static JsonArray List(JsonObject fields, string name)
    {
        JsonArray list = Json.Array(fields, name);
        return list.Count <= MaxListLength
            ? list
            : throw new BoundaryProtocolException($"A list of {list.Count:N0} elements came; at most {MaxListLength:N0} are read at once.");
    }

    private static void Note(JsonObject? received, string name, JsonNode handles)
    {
        if (received is not null)
        {
            received[name] = handles;
        }
    }

    private static JsonObject Subfields(JsonObject received, string name)
    {
        var inner = new JsonObject();
        received[name] = inner;
        return inner;
    }

    private static void RememberCopies(ObjectHost host, IReadOnlyList<Tensor> sent, JsonNode? received)
    {
        if (received is not JsonArray ids || ids.Count != sent.Count)
        {
            return;
        }

        for (int i = 0; i < sent.Count; i++)
        {
            if (ids[i] is JsonValue id && id.TryGetValue(out long handle))
            {
                host.RememberCopy(sent[i], handle);
            }
        }
    }
}
