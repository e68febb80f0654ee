namespace Course.Samples.Cells.CompleteDifferent; // project-only
internal static class CollateCell // project-only: a notebook's top-level method needs a class around it here
{ // project-only
// One block per position, filled sample after sample with a running offset.
static Tensor[] Collate(IReadOnlyList<Tensor[]> samples)
{
    if (samples is null || samples.Count == 0) throw new ArgumentException("Nothing to collate.", nameof(samples));
    var result = new Tensor[samples[0].Length];
    for (int p = 0; p < result.Length; p++)
    {
        var shape = samples[0][p].Shape;
        int length = samples[0][p].Length;
        var block = new float[length * samples.Count];
        int offset = 0;
        foreach (var sample in samples)
        {
            if (!sample[p].Shape.SequenceEqual(shape)) throw new ArgumentException($"Sample shapes differ at position {p}.", nameof(samples));
            sample[p].Values.CopyTo(block.AsSpan(offset));
            offset += length;
        }
        result[p] = new Tensor(block, shape.Prepend(samples.Count).ToArray());
    }
    return result;
}
} // project-only
