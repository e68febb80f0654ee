using System.Text;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Format;

/// <summary>
/// Malformed notebooks as a hostile submission writes them: every one is a <see cref="NotebookFormatException"/>
/// saying what is wrong, never another exception, now or when the parsed notebook is read later; and none makes
/// the reader take memory or stack out of proportion to a notebook.
/// </summary>
public sealed class HostileNotebookTests
{
    private const string Cell = """{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [], "source": "x"}""";

    [Theory]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "\ud800"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "string")]
    [InlineData("""{"cells": [], "metadata": {"\udc00": 1}, "nbformat": 4, "nbformat_minor": 5}""", "key")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "a\ud800b"}}, "outputs": [], "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "string")]
    public void A_lone_surrogate_escape_is_refused_when_read_not_when_first_used(string json, string where)
    {
        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Matches($"^the JSON has a {where} at byte [0-9]+ that is not valid text: an escape \\\\uD800-\\\\uDFFF without its pair$", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void A_lone_surrogate_in_a_string_given_as_text_is_refused()
    {
        string json = Notebook("[" + Cell.Replace("\"x\"", "\"a\ud800\"", StringComparison.Ordinal) + "]");

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(json));

        Assert.StartsWith("the text holds an unpaired UTF-16 surrogate (\\uD800 at character ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_is_refused_naming_the_byte_and_its_offset()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Notebook("[" + Cell + "]"));
        int offset = Array.IndexOf(bytes, (byte)'x');
        bytes[offset] = 0xFF;

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(bytes));

        Assert.Equal($"not valid UTF-8: byte 0xFF at offset {offset} (save the notebook as UTF-8)", error.Message);
    }

    [Fact]
    public void A_byte_order_mark_is_read_past_as_File_ReadAllText_did()
    {
        string json = Notebook("[" + Cell + "]");

        Notebook utf8 = IpynbReader.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]);
        Notebook utf16 = IpynbReader.Parse([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(json)]);

        Assert.Equal("x", utf8.Cells.Single().Source);
        Assert.Equal("x", utf16.Cells.Single().Source);
    }

    [Fact]
    public void Utf16_that_breaks_off_in_a_surrogate_pair_is_refused()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Notebook("[]")), 0x00, 0xD8];

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(bytes));

        Assert.StartsWith("not valid UTF-16 (a byte order mark says so): bad bytes at offset ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"cells": [], "cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cells")]
    [InlineData("""{"cells": [{"cell_type": "code", "cell_type": "markdown", "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell_type")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {"nbgrader": {"grade_id": "a", "grade_id": "b"}}, "outputs": [], "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "grade_id")]
    public void Duplicate_keys_are_refused_at_any_depth(string json, string key)
    {
        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.StartsWith($"not valid JSON (Duplicate property '{key}' encountered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_nested_deeper_than_the_limit_is_refused_and_just_within_it_is_read()
    {
        string Nested(int levels) => Notebook("[]", metadata: "{\"x\": " + string.Concat(Enumerable.Repeat("[", levels)) + string.Concat(Enumerable.Repeat("]", levels)) + "}");

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(Nested(100_000))));
        Notebook within = IpynbReader.Parse(Encoding.UTF8.GetBytes(Nested(IpynbReader.MaxDepth - 2)));

        Assert.Equal($"the JSON nests deeper than {IpynbReader.MaxDepth} levels, more than a notebook may", error.Message);
        Assert.Contains("[[[", IpynbWriter.Serialize(within), StringComparison.Ordinal);
    }

    [Fact]
    public void More_cells_than_the_limit_are_refused_with_the_count()
    {
        // Empty objects: a hundred thousand real cells would be more JSON tokens than a notebook may have, refused first.
        string json = Notebook("[" + string.Join(",", Enumerable.Repeat("{}", 100_000)) + "]");

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal($"100,000 cells are more than the {IpynbReader.MaxCells:N0} a notebook may have", error.Message);
    }

    [Fact]
    public void More_json_tokens_than_the_limit_are_refused_before_a_tree_is_built()
    {
        string json = Notebook("[]", metadata: "{\"x\": [" + string.Join(",", Enumerable.Repeat("0", IpynbReader.MaxJsonTokens)) + "]}");

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal($"the JSON has more than {IpynbReader.MaxJsonTokens:N0} tokens (values, keys, brackets), more than a notebook may have (clear its outputs)", error.Message);
    }

    [Theory]
    [InlineData("""{"cells": null, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "not a Jupyter notebook: no 'cells' list")]
    [InlineData("""{"cells": [null], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: a cell must be a JSON object")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": null}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'source' must be a string or a list of strings")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": [null]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'source' must be a string or a list of strings")]
    [InlineData("""{"cells": [{"cell_type": 5, "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'cell_type' must be a string, not number")]
    [InlineData("""{"cells": [{"cell_type": null, "metadata": {}, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'cell_type' must be a string, not null")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": null, "nbformat_minor": 5}""", "not a Jupyter notebook: no integer 'nbformat' field")]
    [InlineData("""{"cells": [], "metadata": {}, "nbformat": 1e400, "nbformat_minor": 5}""", "not a Jupyter notebook: no integer 'nbformat' field")]
    [InlineData("""{"cells": [], "metadata": null, "nbformat": 4, "nbformat_minor": 5}""", "'metadata' must be a JSON object")]
    [InlineData("""{"cells": [{"cell_type": "markdown", "metadata": null, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'metadata' must be a JSON object")]
    [InlineData("""{"cells": [{"cell_type": "code", "metadata": {}, "outputs": null, "source": ""}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""", "cell 1: 'outputs' must be a list")]
    [InlineData("""null""", "not a Jupyter notebook: the JSON is not an object")]
    public void Null_and_mistyped_fields_are_refused_naming_the_field(string json, string expected)
    {
        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Absent_metadata_reads_as_empty_and_mistyped_optional_fields_read_as_absent()
    {
        string json = """
            {"cells": [{"cell_type": "code", "id": 7, "execution_count": "one",
                        "outputs": [null, 5, {"output_type": 5, "text": 5, "data": {"text/plain": 5}, "traceback": [1, null]}], "source": ["a", "b"]},
                       {"cell_type": "code", "metadata": {"nbgrader": {"grade_id": 12, "grade": "yes", "points": "many"}, "polyglot_notebook": 5}, "outputs": [], "source": ""}],
             "nbformat": 4, "nbformat_minor": "five"}
            """;

        Notebook notebook = IpynbReader.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal("ab", notebook.Cells[0].Source);
        Assert.Null(notebook.Cells[0].Id);
        Assert.Null(notebook.Cells[0].ExecutionCount);
        Assert.Empty(notebook.Cells[0].Metadata);
        Assert.Equal(OutputKind.Unknown, notebook.Cells[0].Outputs.Single().Kind);
        Assert.Null(notebook.Cells[0].Outputs.Single().Text);
        Assert.Equal("csharp", notebook.LanguageOf(notebook.Cells[1]));
        var nbgrader = Course.Notebooks.Authoring.NbgraderMetadata.Read(notebook.Cells[1])!;
        Assert.Equal((null, false, null), (nbgrader.GradeId, nbgrader.Grade, nbgrader.Points));
        Assert.Equal(0, notebook.FormatMinor);
        Assert.Contains("\"source\"", IpynbWriter.Serialize(notebook), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_quoted_in_a_message_is_cut_short_and_its_control_characters_escaped()
    {
        string json = Notebook("[{\"cell_type\": \"" + "\\n" + new string('h', 10_000) + "\", \"metadata\": {}, \"source\": \"\"}]");

        var error = Assert.Throws<NotebookFormatException>(() => IpynbReader.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal($"cell 1: unknown cell_type '\\u000A{new string('h', 59)}…' (expected code, markdown or raw)", error.Message);
    }

    [Fact]
    public void A_huge_indentation_is_not_repeated_on_every_line_written_back()
    {
        string json = Notebook("[" + Cell + "]").Replace("{\"cells\"", "{\n" + new string(' ', 1_000_000) + "\"cells\"", StringComparison.Ordinal);

        Notebook notebook = IpynbReader.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(" ", notebook.Indent);
        Assert.InRange(IpynbWriter.Serialize(notebook).Length, 1, 1_000);
    }

    [Fact]
    public void A_notebook_file_that_is_not_utf8_names_the_file()
    {
        using var folder = new TempFolder();
        string path = folder.File("latin1.ipynb");
        byte[] before = Encoding.UTF8.GetBytes("{\"cells\": [], \"metadata\": {\"author\": \"");
        File.WriteAllBytes(path, [.. before, 0xE9, .. Encoding.UTF8.GetBytes("\"}, \"nbformat\": 4, \"nbformat_minor\": 5}")]);

        var error = Assert.Throws<NotebookFormatException>(() => NotebookFile.Load(path));
        var fromBytes = Assert.Throws<NotebookFormatException>(() => NotebookFile.Parse("03-dataloader.ipynb", File.ReadAllBytes(path)));

        Assert.Equal($"{path}: not valid UTF-8: byte 0xE9 at offset {before.Length} (save the notebook as UTF-8)", error.Message);
        Assert.Equal($"03-dataloader.ipynb: not valid UTF-8: byte 0xE9 at offset {before.Length} (save the notebook as UTF-8)", fromBytes.Message);
    }

    /// <summary>
    /// The class, not the examples: a real notebook broken at random, a value at a time. Each either reads, and then
    /// everything a grader asks of it answers without throwing, or is a <see cref="NotebookFormatException"/>.
    /// </summary>
    [Fact]
    public void A_notebook_broken_at_random_is_read_or_refused_and_nothing_else()
    {
        var original = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixtures.Path("polyglot-vscode.ipynb")))!;
        string[] replacements = ["null", "5", "-0", "1e400", "true", "\"x\"", "[]", "{}", "[null]", "{\"a\": null}", "\"\\ud800\"", "\"\\udc00x\"", "{\"\\ud800\": 1}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"];
        var random = new Random(5);
        int read = 0, refused = 0;
        for (int i = 0; i < 400; i++)
        {
            var copy = original.DeepClone();
            var nodes = Descendants(copy).ToList();
            var (parent, key, index) = nodes[random.Next(nodes.Count)];
            string marker = $"@@{i}@@";
            if (key is not null)
            {
                parent![key] = marker;
            }
            else
            {
                parent!.AsArray()[index] = marker;
            }

            string json = copy.ToJsonString().Replace($"\"{marker}\"", replacements[random.Next(replacements.Length)], StringComparison.Ordinal);
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            if (i % 4 == 3)
            {
                bytes = bytes[..random.Next(bytes.Length)];
            }

            try
            {
                Exercise(IpynbReader.Parse(bytes));
                read++;
            }
            catch (NotebookFormatException)
            {
                refused++;
            }
        }

        Assert.True(read > 50 && refused > 50, $"read {read}, refused {refused}");
    }

    private static void Exercise(Notebook notebook)
    {
        _ = notebook.DefaultLanguage;
        _ = notebook.FormatMinor;
        foreach (Cell cell in notebook.Cells)
        {
            _ = (cell.Source, cell.Id, cell.ExecutionCount, notebook.LanguageOf(cell), Course.Notebooks.Authoring.NbgraderMetadata.Read(cell));
            foreach (Output output in cell.Outputs)
            {
                _ = (output.Text, output.Data?.Text, output.ErrorName, output.ErrorValue, output.Traceback, output.DisplayId, output.ToString());
            }
        }

        _ = IpynbWriter.Serialize(notebook.Clone());
    }

    private static IEnumerable<(System.Text.Json.Nodes.JsonNode? Parent, string? Key, int Index)> Descendants(System.Text.Json.Nodes.JsonNode node)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject obj:
                foreach (var (key, child) in obj.ToArray())
                {
                    yield return (obj, key, -1);
                    if (child is not null)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
            case System.Text.Json.Nodes.JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    yield return (array, null, i);
                    if (array[i] is { } child)
                    {
                        foreach (var d in Descendants(child))
                        {
                            yield return d;
                        }
                    }
                }

                break;
        }
    }

    private static string Notebook(string cells, string metadata = "{}") =>
        $"{{\"cells\": {cells}, \"metadata\": {metadata}, \"nbformat\": 4, \"nbformat_minor\": 5}}";
}
