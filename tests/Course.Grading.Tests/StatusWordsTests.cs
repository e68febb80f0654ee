using System.Text.Json;
using Course.Grading.Output;
using Course.Grading.Results;

namespace Course.Grading.Tests;

/// <summary>
/// The statuses are types, their words the writers': the words never change (gradebooks, tests and later runs read
/// them), and a result.json written before the statuses were types reads, and writes back, exactly as it was.
/// </summary>
public sealed class StatusWordsTests
{
    // A result.json as an earlier run wrote it (strings for statuses), covering a word of every kind.
    private const string EarlierResult = """
        {
          "StudentId": "amy",
          "Status": "calls the reference implementation",
          "Reason": "01-dataset.ipynb: Not credited: it calls the reference.",
          "Notebooks": [
            {
              "Name": "01-dataset.ipynb",
              "Status": "ran",
              "Problems": []
            },
            {
              "Name": "02-tensordataset.ipynb",
              "Status": "notebook from another module",
              "Problems": [
                "02-tensordataset.ipynb has none of this notebook\u0027s cells: is it a notebook from another module?"
              ]
            },
            {
              "Name": "03-dataloader.ipynb",
              "Status": "not finished",
              "Problems": []
            }
          ],
          "Checks": [
            {
              "Id": "lazy-count",
              "GradeId": "lazy-dataset",
              "Notebook": "01-dataset.ipynb",
              "Title": "Count is the number of records in the file",
              "Points": 2,
              "Score": 2,
              "Status": "passed",
              "Message": "",
              "Hint": "Each record is 3,073 bytes.",
              "Hidden": false,
              "Measured": null,
              "Seconds": 0.023
            },
            {
              "Id": "lazy-values",
              "GradeId": "lazy-dataset",
              "Notebook": "01-dataset.ipynb",
              "Title": "Sample i",
              "Points": 3,
              "Score": 0,
              "Status": "not implemented",
              "Message": "Not credited: x",
              "Hint": "Seek.",
              "Hidden": true,
              "Measured": 1.5,
              "Seconds": null
            },
            {
              "Id": "loader-order",
              "GradeId": "loader",
              "Notebook": "03-dataloader.ipynb",
              "Title": "Order",
              "Points": 4,
              "Score": 0,
              "Status": "not run",
              "Message": "Not run: grading ended early (timed out).",
              "Hint": "",
              "Hidden": false,
              "Measured": null,
              "Seconds": null
            }
          ],
          "ContentHash": "3213f4e6",
          "Seconds": 34.1691665,
          "Phases": {
            "start": 0.29,
            "notebooks": 15.029,
            "checks": 18.674
          },
          "Score": 2,
          "MaxScore": 9
        }
        """;

    [Fact]
    public void An_earlier_result_reads_as_types_and_writes_back_byte_for_byte()
    {
        var result = ResultJson.Deserialize(EarlierResult);

        Assert.Equal(SubmissionStatus.CallsReference, result.Status);
        Assert.Equal([NotebookStatus.Ran, NotebookStatus.FromAnotherModule, NotebookStatus.NotFinished], result.Notebooks.Select(n => n.Status));
        Assert.Equal([CheckOutcomeStatus.Passed, CheckOutcomeStatus.NotImplemented, CheckOutcomeStatus.NotRun], result.Checks.Select(c => c.Status));
        Assert.Equal((2.0, 9.0), (result.Score, result.MaxScore));
        Assert.Equal(EarlierResult, ResultJson.Serialize(result));
    }

    [Fact]
    public void An_earlier_result_file_is_read_by_the_run_that_keeps_it()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("status-words-").FullName, "result.json");
        File.WriteAllText(file, EarlierResult);

        Assert.Equal(SubmissionStatus.CallsReference, ResultJson.TryRead(file)?.Status);
    }

    [Theory]
    [InlineData(SubmissionStatus.Graded, "graded")]
    [InlineData(SubmissionStatus.TimedOut, "timed out")]
    [InlineData(SubmissionStatus.Crashed, "crashed")]
    [InlineData(SubmissionStatus.OutOfMemory, "out of memory")]
    [InlineData(SubmissionStatus.ExitedEarly, "exited early")]
    [InlineData(SubmissionStatus.CallsReference, "calls the reference implementation")]
    [InlineData(SubmissionStatus.LockedCellRestored, "locked cell restored")]
    [InlineData(SubmissionStatus.MissingNotebooks, "missing notebooks")]
    [InlineData(SubmissionStatus.UnreadableNotebook, "unreadable notebook")]
    [InlineData(SubmissionStatus.EmptyNotebook, "empty notebook")]
    [InlineData(SubmissionStatus.WrongNotebook, "notebook from another module")]
    [InlineData(SubmissionStatus.CompileError, "compile error")]
    [InlineData(SubmissionStatus.BlockedBySandbox, "blocked by the sandbox")]
    [InlineData(SubmissionStatus.ErrorInCell, "error in cell")]
    [InlineData(SubmissionStatus.OutputCapped, "output capped")]
    public void A_submission_status_has_its_word_both_ways(SubmissionStatus status, string word) => RoundTrips(status, word);

    [Theory]
    [InlineData(CheckOutcomeStatus.Passed, "passed")]
    [InlineData(CheckOutcomeStatus.Failed, "failed")]
    [InlineData(CheckOutcomeStatus.NotImplemented, "not implemented")]
    [InlineData(CheckOutcomeStatus.TimedOut, "timed out")]
    [InlineData(CheckOutcomeStatus.Missing, "missing")]
    [InlineData(CheckOutcomeStatus.NotRun, "not run")]
    public void A_check_status_has_its_word_both_ways(CheckOutcomeStatus status, string word) => RoundTrips(status, word);

    [Theory]
    [InlineData(NotebookStatus.Ran, "ran")]
    [InlineData(NotebookStatus.Ready, "ready")]
    [InlineData(NotebookStatus.NotFinished, "not finished")]
    [InlineData(NotebookStatus.Missing, "missing notebooks")]
    [InlineData(NotebookStatus.Unreadable, "unreadable notebook")]
    [InlineData(NotebookStatus.Empty, "empty notebook")]
    [InlineData(NotebookStatus.FromAnotherModule, "notebook from another module")]
    public void A_notebook_status_has_its_word_both_ways(NotebookStatus status, string word) => RoundTrips(status, word);

    [Fact]
    public void Every_value_of_every_status_type_has_a_word() =>
        Assert.All(Enum.GetValues<SubmissionStatus>().Select(StatusWords.Of)
            .Concat(Enum.GetValues<CheckOutcomeStatus>().Select(StatusWords.Of))
            .Concat(Enum.GetValues<NotebookStatus>().Select(StatusWords.Of)), w => Assert.False(string.IsNullOrWhiteSpace(w)));

    [Fact]
    public void Check_and_notebook_statuses_are_ordered_most_serious_first()
    {
        Assert.Equal(
            [CheckOutcomeStatus.NotRun, CheckOutcomeStatus.TimedOut, CheckOutcomeStatus.Missing, CheckOutcomeStatus.NotImplemented, CheckOutcomeStatus.Failed, CheckOutcomeStatus.Passed],
            Enum.GetValues<CheckOutcomeStatus>().Order());
        Assert.Equal(NotebookStatus.NotFinished, Enum.GetValues<NotebookStatus>().Min());
        Assert.Equal(NotebookStatus.Ran, Enum.GetValues<NotebookStatus>().Max());
    }

    [Theory]
    [InlineData("\"Graded\"", "'Graded' is not a SubmissionStatus word.")]
    [InlineData("\"timed  out\"", "'timed  out' is not a SubmissionStatus word.")]
    [InlineData("3", "'Number' is not a SubmissionStatus word.")]
    public void A_word_that_names_no_status_is_a_json_exception_naming_it(string json, string message)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SubmissionStatus>(json));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_result_file_with_an_unknown_status_is_no_result()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("status-words-").FullName, "result.json");
        File.WriteAllText(file, EarlierResult.Replace("\"calls the reference implementation\"", "\"forged\"", StringComparison.Ordinal));

        Assert.Null(ResultJson.TryRead(file));
    }

    [Fact]
    public void A_value_that_is_no_status_has_no_word()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StatusWords.Of((SubmissionStatus)99));
        Assert.Equal("status", e.ParamName);
    }

    private static void RoundTrips<T>(T status, string word)
        where T : struct, Enum
    {
        Assert.Equal(word, StatusWords.Word(status));
        Assert.Equal($"\"{word}\"", JsonSerializer.Serialize(status));
        Assert.Equal(status, JsonSerializer.Deserialize<T>($"\"{word}\""));
        Assert.True(StatusWords.TryParse(word, out T parsed));
        Assert.Equal(status, parsed);
    }
}
