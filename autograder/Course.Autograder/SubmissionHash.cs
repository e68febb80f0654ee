using System.Security.Cryptography;
using System.Text;
using Course.Autograder.Preparation;

namespace Course.Autograder;

/// <summary>
/// A fingerprint of a submission's content and of the grader: when neither changed, an earlier result
/// still holds and the submission need not be graded again. It reads what grading reads and nothing else, the same
/// safe way (<see cref="SubmissionFiles"/>).
/// </summary>
public static class SubmissionHash
{
    /// <summary>
    /// The fingerprint of <paramref name="submissionPath"/>: its module notebooks, read as grading reads them
    /// (<see cref="SubmissionFiles.Read"/>: no link followed, nothing but regular files, each of bounded size).
    /// </summary>
    /// <param name="module">The module, whose notebooks are the only files looked at.</param>
    /// <param name="submissionPath">A folder of notebooks, or one notebook.</param>
    /// <returns>The hash, as lower-case hex.</returns>
    public static string Of(ModuleNotebooks module, string submissionPath)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Of(SubmissionFiles.Read(submissionPath, module.Names));
    }

    /// <summary>
    /// The SHA-256 of a submission's module notebooks (in the module's order: each name, whether it was read, missing
    /// or refused, and its bytes or the reason) and of the grader's version. Other files of the submission do not
    /// count: grading never reads them.
    /// </summary>
    /// <param name="files">The submission's notebooks, as read.</param>
    /// <returns>The hash, as lower-case hex.</returns>
    public static string Of(SubmissionFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, Encoding.UTF8.GetBytes(GraderVersion));
        foreach (var file in files.Notebooks)
        {
            Append(sha, Encoding.UTF8.GetBytes(file.Name));
            Append(sha, Encoding.UTF8.GetBytes(file.Status.ToString()));
            Append(sha, file.Content ?? Encoding.UTF8.GetBytes(file.Reason ?? ""));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    // Each part with its length first, so that no two different submissions hash the same parts run together.
    private static void Append(IncrementalHash sha, byte[] part)
    {
        Span<byte> length = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(length, part.LongLength);
        sha.AppendData(length);
        sha.AppendData(part);
    }

    // The specs and the grader are part of what a result depends on: a new build regrades.
    private static string GraderVersion =>
        typeof(Course.Specs.ModuleSpecs).Assembly.ManifestModule.ModuleVersionId + "/" + typeof(SubmissionHash).Assembly.ManifestModule.ModuleVersionId;
}
