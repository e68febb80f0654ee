using System.Reflection;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// What a factory of the other side is on this one: the target of the delegate <see cref="FactoryCalls.Proxy"/>
/// makes, whose every call is one call of <see cref="Operation"/>. Code that must know whether a function lives
/// across the boundary (to time it there) looks for it as the delegate's <see cref="Delegate.Target"/>.
/// </summary>
public sealed class RemoteFactory
{
    private static readonly MethodInfo[] Shapes =
        [.. Enumerable.Range(0, FactoryCalls.MaxParameters + 1).Select(n => typeof(RemoteFactory).GetMethod($"Call{n}", BindingFlags.NonPublic | BindingFlags.Instance)!)];

    private readonly long? _handle;
    private readonly ParameterInfo[] _parameters;
    private readonly Type _result;

    private RemoteFactory(ObjectHost host, string operation, long? handle, MethodInfo invoke)
    {
        Host = host;
        Operation = operation;
        _handle = handle;
        _parameters = invoke.GetParameters();
        _result = invoke.ReturnType;
    }

    /// <summary>The host whose channel the calls go through.</summary>
    public ObjectHost Host { get; }

    /// <summary>The operation each call is (<c>exercise.collate</c>).</summary>
    public string Operation { get; }

    // A delegate of the factory's own type over one of the CallN shapes below, so that checks call it as they would the student's.
    internal static Delegate Create(ObjectHost host, string operation, Type delegateType, long? handle)
    {
        MethodInfo invoke = FactoryCalls.Invoke(delegateType);
        var target = new RemoteFactory(host, operation, handle, invoke);
        Type[] types = [.. invoke.GetParameters().Select(p => p.ParameterType), invoke.ReturnType];
        return Delegate.CreateDelegate(delegateType, target, Shapes[types.Length - 1].MakeGenericMethod(types));
    }

    private object Call(object?[] arguments)
    {
        var payload = new Payload();
        var fields = new JsonObject();
        for (int i = 0; i < _parameters.Length; i++)
        {
            SignatureValues.Write(Host, fields, _parameters[i].Name!, _parameters[i].ParameterType, arguments[i], payload, asResult: false);
        }

        var body = new JsonObject { ["arguments"] = fields };
        if (_handle is long handle)
        {
            body["ref"] = handle;
        }

        BoundaryReply reply = Host.Call(Operation, body, payload);
        if (reply.Body["received"] is JsonObject received)
        {
            for (int i = 0; i < _parameters.Length; i++)
            {
                SignatureValues.Remember(Host, _parameters[i].ParameterType, arguments[i], received[_parameters[i].Name!]);
            }
        }

        return SignatureValues.Read(Host, reply.Body, "result", _result, reply.Payload, received: null);
    }

    internal TResult Call0<TResult>() => (TResult)Call([]);

    internal TResult Call1<T1, TResult>(T1 a1) => (TResult)Call([a1]);

    internal TResult Call2<T1, T2, TResult>(T1 a1, T2 a2) => (TResult)Call([a1, a2]);

    internal TResult Call3<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3) => (TResult)Call([a1, a2, a3]);

    internal TResult Call4<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4) => (TResult)Call([a1, a2, a3, a4]);
}
