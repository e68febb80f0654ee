using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Course.Notebooks.Format;
using Course.Notebooks.Model;
using Course.Notebooks.Tests.Support;

namespace Course.Notebooks.Tests.Format;

public sealed class IpynbRoundTripTests
{
    [Fact]
    public void A_notebook_saved_by_VS_Code_round_trips_byte_for_byte()
    {
        byte[] original = File.ReadAllBytes(Fixtures.Path("polyglot-vscode.ipynb"));

        Notebook notebook = IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb"));
        byte[] written = Encoding.UTF8.GetBytes(IpynbWriter.Serialize(notebook));

        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(written));
        Assert.Equal(original, written);
    }

    [Fact]
    public void Writing_to_a_file_produces_the_same_bytes_without_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        string copy = folder.File("copy.ipynb");

        IpynbWriter.Write(IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb")), copy);

        Assert.Equal(File.ReadAllBytes(Fixtures.Path("polyglot-vscode.ipynb")), File.ReadAllBytes(copy));
        Assert.Equal([copy], Directory.GetFiles(folder.Path)); // no temporary file left beside it
    }

    [Fact]
    public void The_model_exposes_what_the_fixture_contains()
    {
        Notebook notebook = IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb"));

        Assert.Equal((4, 5), (notebook.FormatMajor, notebook.FormatMinor));
        Assert.Equal(6, notebook.Cells.Count);
        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code, CellKind.Raw, CellKind.Code], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("3c954261", notebook.Cells[1].Id);
        Assert.Equal("1+1", notebook.Cells[1].Source);
        Assert.Equal(1, notebook.Cells[1].ExecutionCount);
        Assert.Equal("2", notebook.Cells[1].Outputs.Single().Data!.Text);
        Assert.StartsWith("# Données — «chargement» 😀\n\nA <b>DataLoader</b>", notebook.Cells[0].Source, StringComparison.Ordinal);
        Assert.Equal("batch 0: 32 samples\nbatch 1: 32 samples\n", notebook.Cells[2].Outputs[0].Text);
        Assert.Contains("<table>", notebook.Cells[2].Outputs[1].Data!.HtmlText, StringComparison.Ordinal);
        Assert.Equal("\u001b[31mSystem.DivideByZeroException: Attempted to divide by zero.\u001b[0m", notebook.Cells[3].Outputs[0].Traceback[0]);
        Assert.Equal(string.Empty, notebook.Cells[5].Source);
        Assert.Null(notebook.Cells[5].ExecutionCount);
        Assert.Equal("05", notebook.Metadata["course"]!["module"]!.GetValue<string>());
    }

    [Fact]
    public void Setting_outputs_keeps_unknown_metadata_attachments_and_key_order()
    {
        Notebook notebook = IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb"));
        Cell cell = notebook.Cells[5];

        cell.Source = "var answer = 42;\nanswer";
        cell.ExecutionCount = 7;
        cell.SetOutputs([Output.ExecuteResult(7, MimeBundle.FromText("42"))]);
        string json = IpynbWriter.Serialize(notebook);

        JsonObject written = JsonNode.Parse(json)!.AsObject();
        JsonObject cellJson = written["cells"]![5]!.AsObject();
        Assert.Equal(["cell_type", "execution_count", "id", "metadata", "outputs", "source"], cellJson.Select(p => p.Key));
        Assert.Equal(["var answer = 42;\n", "answer"], cellJson["source"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(7, cellJson["outputs"]![0]!["execution_count"]!.GetValue<int>());
        Assert.Equal(10, written["metadata"]!["course"]!["grading"]!["points"]!.GetValue<int>());
        Assert.Equal("solution", written["cells"]![2]!["metadata"]!["tags"]![0]!.GetValue<string>());
        Assert.NotNull(written["cells"]![0]!["attachments"]!["loader.png"]);
        Assert.Contains("\n       \"42\"\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notebook_in_nbformat_4_4_without_cell_ids_and_with_string_sources_round_trips()
    {
        const string Json = "{\n  \"cells\": [\n    {\n      \"cell_type\": \"code\",\n      \"execution_count\": null,\n      \"metadata\": {},\n      \"outputs\": [],\n      \"source\": \"x = 1\\ny\"\n    }\n  ],\n  \"metadata\": {\"custom\": [1, 2.50, 1e3, true, null]},\n  \"nbformat\": 4,\n  \"nbformat_minor\": 4\n}\n";

        Notebook notebook = IpynbReader.Parse(Json);
        string written = IpynbWriter.Serialize(notebook);

        Assert.Equal("  ", notebook.Indent);
        Assert.Null(notebook.Cells[0].Id);
        Assert.Equal("x = 1\ny", notebook.Cells[0].Source);
        // Unchanged values keep their spelling (2.50, 1e3, the string source) and the two-space indent.
        Assert.Contains("\"source\": \"x = 1\\ny\"", written, StringComparison.Ordinal);
        Assert.Contains("2.50", written, StringComparison.Ordinal);
        Assert.Contains("1e3", written, StringComparison.Ordinal);
        Assert.Equal(Normalize(Json), Normalize(written));
    }

    [Fact]
    public void Strings_are_escaped_as_JSON_stringify_escapes_them()
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateMarkdown("é <b> & \u2028 \u001b \" \\ \t 😀 \ud800", "m1"));

        string json = IpynbWriter.Serialize(notebook);

        // Same as node -e 'console.log(JSON.stringify("é <b> & \u2028 \u001b \" \\ \t 😀 \ud800"))'
        Assert.Contains("\"é <b> & \u2028 \\u001b \\\" \\\\ \\t 😀 \\ud800\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_polyglot_notebook_is_written_as_VS_Code_writes_it()
    {
        Notebook notebook = Notebook.CreatePolyglot();
        notebook.Cells.Add(Cell.CreateCode("1+1", "3c954261"));

        string json = IpynbWriter.Serialize(notebook);

        const string Expected = """
            {
             "cells": [
              {
               "cell_type": "code",
               "execution_count": null,
               "id": "3c954261",
               "metadata": {
                "dotnet_interactive": {
                 "language": "csharp"
                },
                "polyglot_notebook": {
                 "kernelName": "csharp"
                },
                "vscode": {
                 "languageId": "polyglot-notebook"
                }
               },
               "outputs": [],
               "source": [
                "1+1"
               ]
              }
             ],
             "metadata": {
              "kernelspec": {
               "display_name": ".NET (C#)",
               "language": "C#",
               "name": ".net-csharp"
              },
              "language_info": {
               "name": "polyglot-notebook"
              },
              "polyglot_notebook": {
               "kernelInfo": {
                "defaultKernelName": "csharp",
                "items": [
                 {
                  "aliases": [],
                  "name": "csharp"
                 }
                ]
               }
              }
             },
             "nbformat": 4,
             "nbformat_minor": 5
            }

            """;
        Assert.Equal(Expected.ReplaceLineEndings("\n"), json);
    }

    [Fact]
    public void Any_source_text_survives_a_write_and_read()
    {
        Gen.String.Sample(text =>
        {
            Notebook notebook = Notebook.CreatePolyglot();
            notebook.Cells.Add(Cell.CreateCode("placeholder", "c1"));
            notebook.Cells[0].Source = text;

            Notebook read = IpynbReader.Parse(IpynbWriter.Serialize(notebook));

            Assert.Equal(text.Replace("\r\n", "\n", StringComparison.Ordinal), read.Cells[0].Source);
        }, iter: 500);
    }

    [Fact]
    public void Cloning_leaves_the_original_untouched()
    {
        Notebook original = IpynbReader.Read(Fixtures.Path("polyglot-vscode.ipynb"));
        string before = IpynbWriter.Serialize(original);

        Notebook copy = original.Clone();
        copy.Cells[1].SetOutputs([]);
        copy.Cells[1].ExecutionCount = null;
        copy.Metadata["course"] = "changed";

        Assert.Equal(before, IpynbWriter.Serialize(original));
        Assert.NotEqual(before, IpynbWriter.Serialize(copy));
    }

    private static string Normalize(string json) => JsonNode.Parse(json)!.ToJsonString();
}
