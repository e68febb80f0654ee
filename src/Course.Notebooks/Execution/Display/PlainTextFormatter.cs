using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Course.Notebooks.Execution.Display;

/// <summary>
/// The <c>text/plain</c> form of any value: strings as they are, numbers in the invariant culture (so an
/// autograder's expected outputs do not depend on the machine's locale), sequences as <c>[ 1, 2, 3 ]</c>,
/// types with their own <c>ToString</c> through it, and other objects as <c>Type { A = 1, B = 2 }</c>.
/// </summary>
internal static class PlainTextFormatter
{
    private const int MaxItems = 20;
    private const int MaxDepth = 3;

    public static string Format(object? value) => Format(value, 0);

    private static string Format(object? value, int depth)
    {
        switch (value)
        {
            case null:
                return "<null>";
            case string text:
                return text;
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case Exception exception:
                return $"{exception.GetType().FullName}: {exception.Message}";
        }

        Type type = value.GetType();
        if (value is IEnumerable sequence && !OverridesToString(type, ignoreCollections: true))
        {
            return depth >= MaxDepth ? type.Name : FormatSequence(sequence, depth);
        }

        if (OverridesToString(type, ignoreCollections: false))
        {
            return SafeToString(value);
        }

        return depth >= MaxDepth ? type.Name : FormatProperties(value, type, depth);
    }

    private static string FormatSequence(IEnumerable sequence, int depth)
    {
        var builder = new StringBuilder("[ ");
        int count = 0;
        foreach (object? item in sequence)
        {
            if (count == MaxItems)
            {
                builder.Append(", ...");
                break;
            }

            if (count > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Format(item, depth + 1));
            count++;
        }

        return count == 0 ? "[ ]" : builder.Append(" ]").ToString();
    }

    private static string FormatProperties(object value, Type type, int depth)
    {
        PropertyInfo[] properties = TableLayout.ReadableProperties(type);
        if (properties.Length == 0)
        {
            return SafeToString(value);
        }

        var builder = new StringBuilder(TableLayout.FriendlyName(type)).Append(" { ");
        for (int i = 0; i < properties.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(properties[i].Name).Append(" = ").Append(Format(TableLayout.Read(properties[i], value), depth + 1));
        }

        return builder.Append(" }").ToString();
    }

    private static bool OverridesToString(Type type, bool ignoreCollections)
    {
        MethodInfo? toString = type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes);
        Type? declaring = toString?.DeclaringType;
        if (declaring is null || declaring == typeof(object) || declaring == typeof(ValueType))
        {
            return false;
        }

        // Framework collections override nothing useful; a user's collection type with its own ToString wins.
        return !ignoreCollections || declaring.Assembly != typeof(object).Assembly;
    }

    private static string SafeToString(object value)
    {
        try
        {
            return value.ToString() ?? string.Empty;
        }
        catch (Exception error)
        {
            return $"<ToString failed: {error.GetType().Name}: {error.Message}>";
        }
    }
}
