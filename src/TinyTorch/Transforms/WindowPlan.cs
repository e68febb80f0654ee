using System.Buffers;

namespace TinyTorch.Transforms;

/// <summary>
/// A transform that only moves pixels: each output pixel is one input pixel or a zero, decided per
/// axis (a crop shifts an axis, a flip mirrors it). A run of such transforms composes into one
/// <see cref="WindowPlan"/> that <see cref="Compose"/> executes in a single pass, with no
/// intermediate image: flip then crop reads each pixel once and writes it once.
/// </summary>
internal interface IWindowTransform : ISpanTransform
{
    /// <summary>Reads an input shape exactly as this transform's <see cref="ISpanTransform.Apply(ReadOnlySpan{float}, ReadOnlySpan{int}, Span{float})"/> does (same checks, same errors).</summary>
    ImageLayout Layout(ReadOnlySpan<int> inputShape);

    /// <summary>The layout this transform outputs for <paramref name="image"/>, with the checks of <see cref="ISpanTransform.OutputShape"/>.</summary>
    ImageLayout Validate(ImageLayout image);

    /// <summary>
    /// Draws this stage's randomness from <paramref name="draws"/> (the same draws, in the same order, as
    /// the stage's own span form) and composes the stage onto <paramref name="plan"/>, whose
    /// <see cref="WindowPlan.Current"/> is this stage's input.
    /// </summary>
    void Draw(ref WindowPlan plan, Draws draws);
}

/// <summary>
/// Where every output pixel of a run of <see cref="IWindowTransform"/>s comes from. Both spatial axes map
/// output coordinate u to source coordinate <c>Sign · u + Offset</c>, and the pixel is a copy of that
/// source pixel when u lies in [Start, End) on both axes (a rectangle, since each axis is independent),
/// and zero otherwise. Channels are never mixed.
/// </summary>
/// <remarks>
/// Every flip and crop of the library, alone or composed, moves its pixels through <see cref="Execute"/>,
/// so the single-transform and the fused paths share one implementation.
/// </remarks>
internal struct WindowPlan
{
    /// <summary>The plan of a stage-free run: the identity on an image of the given layout.</summary>
    public WindowPlan(ImageLayout source)
    {
        Source = source;
        Current = source;
        Rows = Axis.Identity(source.Height);
        Columns = Axis.Identity(source.Width);
    }

    /// <summary>The layout of the run's input.</summary>
    public ImageLayout Source { get; }

    /// <summary>The layout of the image after the stages composed so far.</summary>
    public ImageLayout Current { get; private set; }

    private Axis Rows { get; set; }

    private Axis Columns { get; set; }

    /// <summary>Composes a crop: the window of <paramref name="height"/> × <paramref name="width"/> whose top-left corner is at (<paramref name="top"/>, <paramref name="left"/>) of the current image.</summary>
    public void Crop(int top, int left, int height, int width)
    {
        Rows = Rows.Shift(top, height);
        Columns = Columns.Shift(left, width);
        Current = Current with { Height = height, Width = width };
    }

    /// <summary>Composes a mirror of the current image left to right.</summary>
    public void FlipHorizontally() => Columns = Columns.Mirror();

    /// <summary>Writes the planned image of <paramref name="input"/> (laid out as <see cref="Source"/>) into <paramref name="output"/> (laid out as <see cref="Current"/>).</summary>
    public readonly void Execute(ReadOnlySpan<float> input, Span<float> output)
    {
        if (Rows.Start == Rows.End || Columns.Start == Columns.End)
        {
            output.Clear(); // the window lies entirely in the padding
            return;
        }

        if (Columns.Sign > 0 && Rows.Sign > 0 && Source.Width == Current.Width)
        {
            ExecuteShifted(input, output);
            return;
        }

        if (Columns.Sign > 0)
        {
            ExecuteRows(input, output);
            return;
        }

        // A mirrored image is written row by row, each row reversed. Read straight from a sample in
        // main memory, those short backwards reads leave the memory system idle part of the time; one
        // bulk copy into a buffer that stays in the L1 cache first streams the sample at full speed.
        float[] staged = ArrayPool<float>.Shared.Rent(input.Length);
        try
        {
            var local = staged.AsSpan(0, input.Length);
            input.CopyTo(local);
            ExecuteRows(local, output);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(staged);
        }
    }

    /// <summary>
    /// The plan when the image only shifts (a crop to the image's own width, not mirrored): output index i
    /// reads input index i + shift for every pixel inside the window, so each channel is one contiguous
    /// copy; the few pixels of padding it carried along (between one row's end and the next row's
    /// start) are then zeroed.
    /// </summary>
    private readonly void ExecuteShifted(ReadOnlySpan<float> input, Span<float> output)
    {
        int width = Current.Width, plane = Current.Plane;
        int first = Rows.Start * width + Columns.Start;                       // first pixel inside the window
        int end = (Rows.End - 1) * width + Columns.End;                       // one past the last
        int shift = Rows.Offset * Source.Width + Columns.Offset;              // output index + shift = input index
        int gap = width - (Columns.End - Columns.Start);                      // zeros from one row's window to the next
        for (int c = 0; c < Source.Channels; c++)
        {
            var source = input.Slice(c * Source.Plane, Source.Plane);
            var target = output.Slice(c * plane, plane);
            source[(first + shift)..(end + shift)].CopyTo(target[first..end]);
            target[..first].Clear();
            target[end..].Clear();
            if (gap > 0)
            {
                for (int r = Rows.Start; r < Rows.End - 1; r++)
                {
                    RowCopy.Zero(target.Slice(r * width + Columns.End, gap));
                }
            }
        }
    }

    /// <summary>The general plan, row by row: each output row is zeros, a slice of one source row (forwards or backwards), zeros.</summary>
    private readonly void ExecuteRows(ReadOnlySpan<float> input, Span<float> output)
    {
        var rows = Rows;
        var columns = Columns;
        int width = Current.Width, height = Current.Height, sourceWidth = Source.Width;
        // Every copied row has the same columns: [start, start + count) of the output row, read from the
        // source row starting at `from` (forwards) or ending just before `from + count` (backwards).
        int start = columns.Start, count = columns.End - columns.Start;
        bool mirrored = columns.Sign < 0;
        int from = mirrored ? columns.Offset - columns.End + 1 : columns.Start + columns.Offset;
        for (int c = 0; c < Source.Channels; c++)
        {
            var plane = input.Slice(c * Source.Plane, Source.Plane);
            var target = output.Slice(c * Current.Plane, Current.Plane);
            for (int r = 0; r < height; r++)
            {
                var outRow = target.Slice(r * width, width);
                if (r < rows.Start || r >= rows.End)
                {
                    outRow.Clear();
                    continue;
                }

                if (count != width)
                {
                    // The zeros of the padding: left and right of the copied part.
                    RowCopy.Zero(outRow[..start]);
                    RowCopy.Zero(outRow[(start + count)..]);
                }

                var source = plane.Slice((rows.Sign * r + rows.Offset) * sourceWidth + from, count);
                var inside = outRow.Slice(start, count);
                if (mirrored)
                {
                    RowCopy.CopyReversed(source, inside);
                }
                else
                {
                    source.CopyTo(inside);
                }
            }
        }
    }

    /// <summary>One axis of the plan: output u reads source <c>Sign · u + Offset</c> when u is in [Start, End).</summary>
    private readonly record struct Axis(int Size, int Sign, int Offset, int Start, int End)
    {
        public static Axis Identity(int size) => new(size, 1, 0, 0, size);

        /// <summary>New coordinate v reads current coordinate v + <paramref name="start"/>, for v in [0, <paramref name="size"/>).</summary>
        public Axis Shift(int start, int size)
        {
            int lo = Math.Clamp(Start - start, 0, size);
            int hi = Math.Clamp(End - start, lo, size);
            return new Axis(size, Sign, Sign * start + Offset, lo, hi);
        }

        /// <summary>New coordinate v reads current coordinate Size - 1 - v.</summary>
        public Axis Mirror() => new(Size, -Sign, Sign * (Size - 1) + Offset, Size - End, Size - Start);
    }
}
