using System.Text;

namespace Course.Grading.Tests.Support;

/// <summary>
/// Reads CSV as RFC 4180 defines it (quoted fields may hold commas, doubled quotes and line breaks), written here
/// independently of the gradebook's writer so the tests check the file, not the writer against itself.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="csv"/>, each a list of raw fields (unquoted, not yet un-neutralised).</summary>
    public static List<List<string>> Parse(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, fieldStarted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = fieldStarted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                records.Add(record);
                record = [];
                field.Clear();
                fieldStarted = false;
            }
            else
            {
                Assert.False(c == '"', $"A quote inside an unquoted field at offset {i}.");
                field.Append(c);
                fieldStarted = true;
            }
        }

        Assert.False(quoted, "The CSV ends inside a quoted field.");
        if (fieldStarted || field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }

    /// <summary>A field's text as written before neutralising: one leading single quote dropped (the gradebook's documented rule).</summary>
    public static string Text(string field) => field.StartsWith('\'') ? field[1..] : field;

    /// <summary>Whether a spreadsheet would run <paramref name="field"/> (unquoted) as a formula (OWASP's starting characters).</summary>
    public static bool LooksLikeFormula(string field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
