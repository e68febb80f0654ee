using System.Collections;
using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using System.Text;

namespace Course.Notebooks.Execution.Display;

/// <summary>
/// The built-in <c>text/html</c> forms: a value's own <c>ToHtml()</c> method (found by name, so libraries
/// need no reference to the engine), and tables for records and sequences of objects.
/// </summary>
internal static class HtmlConventions
{
    private const int MaxRows = 100;
    private static readonly ConcurrentDictionary<Type, MethodInfo?> ToHtmlMethods = new();

    public static string? TryFormat(object value)
    {
        Type type = value.GetType();
        if (ToHtmlMethods.GetOrAdd(type, FindToHtml) is MethodInfo toHtml)
        {
            try
            {
                return toHtml.Invoke(value, null) as string;
            }
            catch (TargetInvocationException error)
            {
                return $"<pre>{WebUtility.HtmlEncode($"ToHtml() failed: {error.InnerException?.Message}")}</pre>";
            }
        }

        if (value is string || TableLayout.IsScalar(type))
        {
            return null;
        }

        if (value is IEnumerable sequence and not IDictionary)
        {
            return SequenceTable(sequence);
        }

        return TableLayout.IsRecordLike(type) ? Table([value], TableLayout.ReadableProperties(type)) : null;
    }

    private static MethodInfo? FindToHtml(Type type) => type
        .GetMethods(BindingFlags.Public | BindingFlags.Instance)
        .FirstOrDefault(m => m.Name is "ToHtml" or "ToHTML" && m.GetParameters().Length == 0 && m.ReturnType == typeof(string));

    private static string? SequenceTable(IEnumerable sequence)
    {
        var rows = new List<object?>();
        bool more = false;
        foreach (object? item in sequence)
        {
            if (rows.Count == MaxRows)
            {
                more = true;
                break;
            }

            rows.Add(item);
        }

        Type? rowType = rows.FirstOrDefault(row => row is not null)?.GetType();
        if (rowType is null || TableLayout.IsScalar(rowType) || rows.Any(row => row is not null && row.GetType() != rowType))
        {
            return null;
        }

        PropertyInfo[] columns = TableLayout.ReadableProperties(rowType);
        return columns.Length == 0 ? null : Table(rows, columns, more);
    }

    private static string Table(IReadOnlyList<object?> rows, PropertyInfo[] columns, bool more = false)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (PropertyInfo column in columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (object? row in rows)
        {
            html.Append("<tr>");
            foreach (PropertyInfo column in columns)
            {
                string cell = row is null ? string.Empty : PlainTextFormatter.Format(TableLayout.Read(column, row));
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        if (more)
        {
            html.Append($"<p>(first {MaxRows} rows shown)</p>");
        }

        return html.ToString();
    }
}
