using Course.Grading.Results;
using Course.Notebooks.Files;

namespace Course.Grading.Output;

/// <summary>
/// The last grading step for one student: their files in their output folder, each written atomically: the feedback
/// (Markdown and HTML), Gradescope's <c>results.json</c>, and last <c>result.json</c>, whose presence with a matching
/// fingerprint is what lets a later run skip the student.
/// </summary>
public static class StudentFiles
{
    /// <summary>The file, in a student's output folder, holding their result (and their real id, for the next run).</summary>
    public const string ResultFileName = "result.json";

    /// <summary>The file, in a student's output folder, holding their result in Gradescope's format.</summary>
    public const string GradescopeFileName = "results.json";

    /// <summary>Writes <paramref name="result"/>'s files into <paramref name="folder"/>.</summary>
    /// <param name="result">The result.</param>
    /// <param name="folder">The student's output folder, which exists.</param>
    public static void Write(SubmissionResult result, string folder)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, FeedbackWriter.MarkdownFileName), FeedbackWriter.ToMarkdown(result));
        AtomicFile.WriteAllText(Path.Combine(folder, FeedbackWriter.HtmlFileName), FeedbackWriter.ToHtml(result));
        AtomicFile.WriteAllText(Path.Combine(folder, GradescopeFileName), GradescopeWriter.ToJson(result));
        // Last: its presence with a matching fingerprint is what lets a later run skip this student.
        ResultJson.Write(Path.Combine(folder, ResultFileName), result);
    }
}
