using System.Collections.Concurrent;
using Course.Notebooks.Model;

namespace Course.Notebooks.Execution.Display;

/// <summary>
/// Turns values into MIME bundles for <c>display(x)</c> and a cell's trailing expression.
/// </summary>
/// <remarks>
/// <para>For each MIME type the registry picks, in order: a formatter registered for the value's exact
/// type, then for its base types, then for its interfaces (a generic type definition such as
/// <c>typeof(List&lt;&gt;)</c> also matches its constructed types); then the built-in conventions.</para>
/// <para>Built in: <c>text/plain</c> for every value; <c>text/html</c> for a value with a public
/// parameterless <c>ToHtml()</c> (or <c>ToHTML()</c>) method returning a string — the convention that lets a
/// library such as a chart package show HTML without referencing this engine — and a table for records,
/// anonymous objects and sequences of objects with properties.</para>
/// <para>A library or notebook adds its own with <see cref="Register{T}(string, Func{T, string})"/>, e.g.
/// <c>Formatters.Register&lt;GenericChart&gt;("text/html", chart =&gt; chart.ToHTML())</c> in a cell.</para>
/// </remarks>
public sealed class FormatterRegistry
{
    private readonly ConcurrentDictionary<(Type Type, string MimeType), Func<object, string>> _registered = new();
    private readonly ConcurrentDictionary<Type, (string MimeType, Func<object, string> Formatter)[]> _resolved = new();

    /// <summary>The MIME types for which formatters are registered explicitly (the built-in ones excluded).</summary>
    public IReadOnlyCollection<string> RegisteredMimeTypes => _registered.Keys.Select(key => key.MimeType).Distinct().ToArray();

    /// <summary>Registers a formatter for values of type <typeparamref name="T"/> (and types derived from it).</summary>
    /// <typeparam name="T">The value type; a base class or interface covers all its implementations.</typeparam>
    /// <param name="mimeType">The MIME type the formatter produces, e.g. <c>text/html</c>.</param>
    /// <param name="formatter">Produces the representation.</param>
    public void Register<T>(string mimeType, Func<T, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Register(typeof(T), mimeType, value => formatter((T)value));
    }

    /// <summary>Registers a formatter for a type known only at run time, or a generic type definition.</summary>
    /// <param name="type">The value type, e.g. <c>typeof(Tensor)</c> or <c>typeof(List&lt;&gt;)</c>.</param>
    /// <param name="mimeType">The MIME type the formatter produces.</param>
    /// <param name="formatter">Produces the representation.</param>
    public void Register(Type type, string mimeType, Func<object, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentNullException.ThrowIfNull(formatter);
        _registered[(type, mimeType)] = formatter;
        _resolved.Clear();
    }

    /// <summary>Formats a value in every MIME type it has; <c>text/plain</c> is always present.</summary>
    /// <param name="value">The value, possibly null.</param>
    /// <returns>The bundle.</returns>
    public MimeBundle Format(object? value)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value is not null)
        {
            foreach ((string mimeType, Func<object, string> formatter) in Resolve(value.GetType()))
            {
                items.TryAdd(mimeType, Invoke(formatter, value));
            }

            if (!items.ContainsKey(MimeBundle.Html) && HtmlConventions.TryFormat(value) is string html)
            {
                items[MimeBundle.Html] = html;
            }
        }

        if (!items.ContainsKey(MimeBundle.PlainText))
        {
            items[MimeBundle.PlainText] = PlainTextFormatter.Format(value);
        }

        return new MimeBundle(items);
    }

    /// <summary>Formats a value for one MIME type only (plus <c>text/plain</c>), as <c>display(x, mimeType)</c> asks.</summary>
    /// <param name="value">The value; a string is taken to already be in <paramref name="mimeType"/>.</param>
    /// <param name="mimeType">The MIME type wanted.</param>
    /// <returns>The bundle.</returns>
    public MimeBundle Format(object? value, string mimeType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        if (value is string text)
        {
            return new MimeBundle(mimeType == MimeBundle.PlainText
                ? [new(MimeBundle.PlainText, text)]
                : [new(mimeType, text), new(MimeBundle.PlainText, text)]);
        }

        MimeBundle all = Format(value);
        return new MimeBundle(all.Where(item => item.Key == mimeType || item.Key == MimeBundle.PlainText));
    }

    private (string MimeType, Func<object, string> Formatter)[] Resolve(Type type) =>
        _registered.IsEmpty ? [] : _resolved.GetOrAdd(type, ResolveUncached);

    private (string, Func<object, string>)[] ResolveUncached(Type type)
    {
        var found = new Dictionary<string, Func<object, string>>(StringComparer.Ordinal);
        IEnumerable<Type> candidates = BaseTypes(type).Concat(type.GetInterfaces());
        foreach (Type candidate in candidates)
        {
            foreach (KeyValuePair<(Type Type, string MimeType), Func<object, string>> entry in _registered)
            {
                if (Matches(entry.Key.Type, candidate))
                {
                    found.TryAdd(entry.Key.MimeType, entry.Value);
                }
            }
        }

        return found.Select(pair => (pair.Key, pair.Value)).ToArray();
    }

    private static bool Matches(Type registered, Type candidate) =>
        registered == candidate
        || (registered.IsGenericTypeDefinition && candidate.IsGenericType && candidate.GetGenericTypeDefinition() == registered);

    private static IEnumerable<Type> BaseTypes(Type type)
    {
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static string Invoke(Func<object, string> formatter, object value)
    {
        try
        {
            return formatter(value) ?? string.Empty;
        }
        catch (Exception error)
        {
            // A broken formatter must not fail the cell that displayed the value.
            return $"<formatter failed: {error.GetType().Name}: {error.Message}>";
        }
    }
}
