using System.Security.Cryptography;
using System.Text;

namespace Course.Autograder;

/// <summary>
/// A fingerprint of a submission's content and of the grader: when neither changed, an earlier result
/// still holds and the submission need not be graded again.
/// </summary>
public static class SubmissionHash
{
    /// <summary>The SHA-256 of the submission's notebooks (names and bytes, in name order) and the grader's version.</summary>
    /// <param name="submissionPath">A folder of notebooks, or one notebook.</param>
    /// <returns>The hash, as lower-case hex.</returns>
    public static string Of(string submissionPath)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(GraderVersion));
        string[] files = Directory.Exists(submissionPath)
            ? Directory.GetFiles(submissionPath, "*", SearchOption.AllDirectories)
            : File.Exists(submissionPath) ? [submissionPath] : [];
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(Directory.Exists(submissionPath) ? submissionPath : Path.GetDirectoryName(file)!, file)));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // The specs and the grader are part of what a result depends on: a new build regrades.
    private static string GraderVersion =>
        typeof(Course.Specs.ModuleSpecs).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(SubmissionHash).Assembly.ManifestModule.ModuleVersionId;
}
