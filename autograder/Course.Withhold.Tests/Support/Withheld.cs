using System.Reflection;

namespace Course.Withhold.Tests.Support;

/// <summary>Assertions about <c>TinyTorch.Grading.ReferenceWithheldException</c>, which lives in the editions' context.</summary>
internal static class Withheld
{
    /// <summary>The exception's full name.</summary>
    public const string ExceptionType = "TinyTorch.Grading.ReferenceWithheldException";

    /// <summary>Asserts that <paramref name="call"/> throws the withheld exception naming <paramref name="member"/> and <paramref name="exercise"/>.</summary>
    /// <returns>The exception.</returns>
    public static Exception Throws(Action call, string member, string? exercise)
    {
        var thrown = Record.Exception(call);
        Assert.NotNull(thrown);
        Assert.True(thrown.GetType().FullName == ExceptionType, $"Expected {ExceptionType} naming {member}, got {thrown}");
        Assert.Equal(member, thrown.GetType().GetProperty("Member")!.GetValue(thrown));
        Assert.Equal(exercise, thrown.GetType().GetProperty("Exercise")!.GetValue(thrown));
        Assert.StartsWith(member + " is ", thrown.Message, StringComparison.Ordinal);
        return thrown;
    }

    /// <summary>How the tool names a type: <c>TinyTorch.Data.Prefetcher&lt;T&gt;</c>.</summary>
    public static string NameOf(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        string name = definition.Name.Split('`')[0];
        var own = definition.GetGenericArguments().Skip(definition.DeclaringType?.GetGenericArguments().Length ?? 0).Select(a => a.Name).ToArray();
        string generic = own.Length > 0 ? "<" + string.Join(", ", own) + ">" : "";
        return (definition.DeclaringType is { } outer ? NameOf(outer) : definition.Namespace) + "." + name + generic;
    }

    /// <summary>How the tool names a method: its type's name and the method's, accessors by their property's.</summary>
    public static string NameOf(MethodBase method)
    {
        if (method is ConstructorInfo)
        {
            return NameOf(method.DeclaringType!);
        }

        string[] accessors = ["get_", "set_", "add_", "remove_"];
        string name = method.IsSpecialName && accessors.FirstOrDefault(a => method.Name.StartsWith(a, StringComparison.Ordinal)) is { } prefix
            ? method.Name[prefix.Length..]
            : method.Name;
        return NameOf(method.DeclaringType!) + "." + (name == "Item" ? "this[]" : name);
    }
}
