using Course.Notebooks.Model;

namespace Course.Notebooks.Validation;

/// <summary>Runs every code cell of a notebook in one kernel, going on after failures, and records what each showed.</summary>
public interface INotebookExecutor
{
    /// <summary>The kernel it runs notebooks in.</summary>
    ValidationKernel Kernel { get; }

    /// <summary>Runs a notebook.</summary>
    /// <param name="notebook">The notebook (not modified).</param>
    /// <param name="folder">Its folder: the kernel's current folder, where relative <c>#r</c> paths start.</param>
    /// <param name="timeout">How long the whole notebook may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>What each code cell did.</returns>
    Task<NotebookRecord> RunAsync(Notebook notebook, string folder, TimeSpan timeout, CancellationToken cancellationToken);
}
