namespace Course.Grading.Output;

/// <summary>
/// Fields and rows of CSV (RFC 4180) that a spreadsheet opens as text, for every writer of CSV: a field that a
/// spreadsheet would run as a formula (one starting with <c>= + - @</c>, a tab or a line break, OWASP's CSV
/// injection) starts with a single quote instead, and a field holding a comma, quote or line break is quoted.
/// </summary>
/// <remarks>
/// A reader gets the original text back by unquoting (RFC 4180) and then dropping one leading <c>'</c> from a
/// field that starts with one: a field that starts with <c>'</c> of its own is given a second, so that rule holds
/// for every field.
/// </remarks>
public static class CsvText
{
    // What spreadsheets take as the start of a formula or of a DDE command (OWASP), and the quote itself.
    private static readonly char[] Neutralised = ['=', '+', '-', '@', '\t', '\r', '\n', '\''];

    /// <summary>One field: neutralised if a spreadsheet would read it as a formula, then quoted if it must be.</summary>
    /// <param name="text">The field's text.</param>
    /// <returns>The field as it goes into the file.</returns>
    public static string Field(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string field = text.Length > 0 && Neutralised.Contains(text[0]) ? "'" + text : text;
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>One record: its fields, each through <see cref="Field"/>, separated by commas and ended by a line feed.</summary>
    /// <param name="fields">The fields' texts.</param>
    /// <returns>The record's line.</returns>
    public static string Row(IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(",", fields.Select(Field)) + "\n";
    }

    /// <summary>
    /// Reads CSV that <see cref="Row"/> wrote back into records of the original texts: quoted fields unquoted
    /// (RFC 4180: commas, doubled quotes and line breaks inside), then one leading <c>'</c> dropped.
    /// </summary>
    /// <param name="csv">The file's text.</param>
    /// <returns>The records, each its fields in order.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Records(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = any = true;
            }
            else if (c == ',')
            {
                record.Add(Original(field));
                any = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(Original(field));
                records.Add(record);
                record = [];
                any = false;
            }
            else
            {
                field.Append(c);
                any = true;
            }
        }

        if (any || field.Length > 0)
        {
            record.Add(Original(field));
            records.Add(record);
        }

        return records;
    }

    private static string Original(System.Text.StringBuilder field)
    {
        string text = field.ToString();
        field.Clear();
        return text.StartsWith('\'') ? text[1..] : text;
    }
}
