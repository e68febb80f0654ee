using Course.Notebooks.Validation;

namespace Course.Cli.Commands;

/// <summary>What <c>course validate</c> was asked to do.</summary>
/// <param name="Directories">Notebook folders, each with a <c>source/</c> and a <c>student/</c> folder; empty for <c>notebooks</c>.</param>
/// <param name="NotebookTimeout">How long one notebook may run in one kernel; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
/// <param name="Kernels">The kernels to validate in, in order.</param>
public sealed record ValidateOptions(IReadOnlyList<string> Directories, TimeSpan NotebookTimeout, IReadOnlyList<ValidationKernel> Kernels);
