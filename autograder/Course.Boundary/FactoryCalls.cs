using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;

namespace Course.Boundary;

/// <summary>
/// Calls of a factory across the boundary, one operation per factory, its arguments and result encoded by the
/// factory's delegate type (<see cref="SignatureValues"/>): the parent calls through a proxy
/// (<see cref="Proxy"/>), the runner answers with the recorded factory (<see cref="Serve"/>). An exercise crosses
/// by its row alone (its operation and factory type); nothing here names one.
/// </summary>
/// <remarks>
/// The body of a call is <c>{"arguments": {NAME: value, ...}}</c>, by the delegate's parameter names; the reply is
/// <c>{"result": value, "received": {NAME: handles}}</c>, the handles of the runner's copies of the tensors it was
/// sent, so that aliasing checks reach them.
/// </remarks>
public static class FactoryCalls
{
    /// <summary>The most parameters a factory may have.</summary>
    public const int MaxParameters = 4;

    /// <summary>The operation that calls a function the other side returned (a loader's <c>Count</c>), by its handle.</summary>
    public const string FunctionOperation = "function.invoke";

    /// <summary>Whether factories of <paramref name="delegateType"/> can cross: every parameter and the result can.</summary>
    /// <param name="delegateType">A delegate type.</param>
    /// <returns>Whether they can.</returns>
    public static bool CanCross(Type delegateType)
    {
        ArgumentNullException.ThrowIfNull(delegateType);
        return CanCall(delegateType)
            && Invoke(delegateType).GetParameters().All(p => SignatureValues.CanCross(p.ParameterType, asResult: false))
            && SignatureValues.CanCross(Invoke(delegateType).ReturnType, asResult: true);
    }

    /// <summary>A factory of <paramref name="delegateType"/> whose calls are <paramref name="operation"/> on the other side.</summary>
    /// <param name="host">This side's host.</param>
    /// <param name="operation">The operation (<c>exercise.dataloader</c>).</param>
    /// <param name="delegateType">The factory's type.</param>
    /// <returns>The proxy; its <see cref="Delegate.Target"/> is a <see cref="RemoteFactory"/>.</returns>
    /// <exception cref="ArgumentException">Factories of that type cannot cross (<see cref="CanCross"/>).</exception>
    public static Delegate Proxy(ObjectHost host, string operation, Type delegateType)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentException.ThrowIfNullOrEmpty(operation);
        return CanCross(delegateType)
            ? RemoteFactory.Create(host, operation, delegateType, handle: null)
            : throw new ArgumentException($"A {delegateType.Name} cannot cross the grading boundary: its parameters and result must be of the types SignatureValues encodes.", nameof(delegateType));
    }

    /// <summary>Serves one call of a factory: reads its arguments by the factory's type, calls it, writes its result.</summary>
    /// <param name="host">This side's host.</param>
    /// <param name="call">The call.</param>
    /// <param name="factory">The factory (the student's, as a check cell recorded it).</param>
    /// <param name="name">What the factory is called, for a null result's message (<c>Collate</c>).</param>
    /// <returns>The reply.</returns>
    /// <exception cref="BoundaryProtocolException">The call is malformed.</exception>
    public static BoundaryReply Serve(ObjectHost host, BoundaryCall call, Delegate factory, string name)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(factory);
        MethodInfo invoke = Invoke(factory.GetType());
        JsonObject fields = Json.Object(call.Body, "arguments");
        var received = new JsonObject();
        object[] arguments = [.. invoke.GetParameters().Select(p => SignatureValues.Read(host, fields, p.Name!, p.ParameterType, call.Payload, received))];
        object? result;
        try
        {
            result = factory.DynamicInvoke(arguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } thrown)
        {
            // The student's exception itself, as a direct call would throw it: its chain is what the parent sees.
            ExceptionDispatchInfo.Throw(thrown);
            throw;
        }

        var payload = new Payload();
        var body = new JsonObject { ["received"] = received };
        SignatureValues.Write(host, body, "result", invoke.ReturnType, result ?? throw new InvalidOperationException($"{name} returned null."), payload, asResult: true);
        return new BoundaryReply(body, payload.ToMemory());
    }

    /// <summary>Whether a delegate type has a shape a proxy can take: at most <see cref="MaxParameters"/> parameters, none by reference, and a result.</summary>
    /// <param name="delegateType">A type.</param>
    /// <returns>Whether it has.</returns>
    internal static bool CanCall(Type delegateType) =>
        typeof(Delegate).IsAssignableFrom(delegateType) && delegateType != typeof(Delegate) && delegateType != typeof(MulticastDelegate)
        && !delegateType.ContainsGenericParameters
        && Invoke(delegateType) is { ReturnType: var result } invoke && result != typeof(void)
        && invoke.GetParameters() is { Length: <= MaxParameters } parameters && parameters.All(p => !p.ParameterType.IsByRef);

    internal static MethodInfo Invoke(Type delegateType) =>
        delegateType.GetMethod("Invoke") ?? throw new ArgumentException($"{delegateType.Name} is not a delegate type.", nameof(delegateType));
}
