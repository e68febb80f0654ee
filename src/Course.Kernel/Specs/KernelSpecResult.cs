namespace Course.Kernel.Specs;

/// <summary>What <see cref="KernelSpecInstaller"/> did, or why it refused.</summary>
/// <param name="Succeeded">Whether the kernelspec was written (or removed).</param>
/// <param name="Directory">The kernelspec's folder (<c>…/kernels/NAME</c>).</param>
/// <param name="Message">One or more lines for the user: what happened, or why not and what to do instead.</param>
public sealed record KernelSpecResult(bool Succeeded, string Directory, string Message);
