using System.Reflection;

namespace Course.Withhold.Tests.Support;

/// <summary>Calls into another load context by reflection, unwrapping what the call threw.</summary>
internal static class Reflected
{
    /// <summary>Invokes <paramref name="method"/> and returns its result, or rethrows what it threw (not the reflection wrapper).</summary>
    public static object? Call(MethodBase method, object? target, params object?[] arguments)
    {
        try
        {
            return method is ConstructorInfo constructor && target is null ? constructor.Invoke(arguments) : method.Invoke(target, arguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } thrown)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(thrown).Throw();
            throw;
        }
    }

    /// <summary>Invokes <paramref name="method"/> with a default value for every parameter.</summary>
    public static object? CallWithDefaults(MethodBase method, object? target) =>
        Call(method, target, method.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray());

    /// <summary>Calls the public static method <paramref name="name"/> of <paramref name="type"/>.</summary>
    public static object? Static(Type type, string name, params object?[] arguments) =>
        Call(type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new MissingMethodException(type.FullName, name), null, arguments);

    /// <summary>Reads property <paramref name="name"/> of <paramref name="target"/>.</summary>
    public static object? Property(object target, string name) =>
        target.GetType().GetProperty(name)?.GetValue(target) ?? throw new MissingMemberException(target.GetType().FullName, name);

    /// <summary>Whether a parameter's type is a ref struct (a span), which reflection cannot pass.</summary>
    public static bool TakesSpans(MethodBase method) =>
        method.GetParameters().Any(p => p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike))
        || (method is MethodInfo info && info.ReturnType.IsByRefLike);
}
