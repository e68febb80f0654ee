namespace TinyTorch.Tests.TestDoubles;

/// <summary>
/// Independent, deliberately naive reference implementations of the image operations: explicit loops over
/// explicit arrays, sharing no code with the library.
/// </summary>
internal static class NaiveImage
{
    /// <summary>(channels, height, width) of an HW or CHW shape.</summary>
    public static (int C, int H, int W) Dims(IReadOnlyList<int> shape) =>
        shape.Count == 2 ? (1, shape[0], shape[1]) : (shape[0], shape[1], shape[2]);

    /// <summary>Mirrors every row: out[c, y, x] = in[c, y, W - 1 - x].</summary>
    public static float[] FlipLastAxis(float[] image, int c, int h, int w)
    {
        var output = new float[image.Length];
        for (int ch = 0; ch < c; ch++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    output[(ch * h + y) * w + x] = image[(ch * h + y) * w + (w - 1 - x)];
                }
            }
        }

        return output;
    }

    /// <summary>The image with <paramref name="p"/> zeros on every side, built explicitly: [C, H + 2p, W + 2p].</summary>
    public static float[] ZeroPad(float[] image, int c, int h, int w, int p)
    {
        int ph = h + 2 * p, pw = w + 2 * p;
        var padded = new float[c * ph * pw];
        for (int ch = 0; ch < c; ch++)
        {
            for (int y = 0; y < h; y++)
            {
                for (int x = 0; x < w; x++)
                {
                    padded[(ch * ph + y + p) * pw + x + p] = image[(ch * h + y) * w + x];
                }
            }
        }

        return padded;
    }

    /// <summary>The window of <paramref name="wh"/> × <paramref name="ww"/> at (top, left) of every channel of a [C, PH, PW] array.</summary>
    public static float[] Window(float[] padded, int c, int ph, int pw, int top, int left, int wh, int ww)
    {
        var window = new float[c * wh * ww];
        for (int ch = 0; ch < c; ch++)
        {
            for (int y = 0; y < wh; y++)
            {
                for (int x = 0; x < ww; x++)
                {
                    window[(ch * wh + y) * ww + x] = padded[(ch * ph + top + y) * pw + left + x];
                }
            }
        }

        return window;
    }

    /// <summary>Every offset (top, left) in [0, H + 2p − h] × [0, W + 2p − w] whose window of the zero-padded input equals <paramref name="output"/>.</summary>
    public static List<(int Top, int Left)> MatchingWindows(float[] image, IReadOnlyList<int> shape, int p, int h, int w, ReadOnlySpan<float> output)
    {
        var (c, ih, iw) = Dims(shape);
        int ph = ih + 2 * p, pw = iw + 2 * p;
        var padded = ZeroPad(image, c, ih, iw, p);
        var matches = new List<(int, int)>();
        for (int top = 0; top <= ph - h; top++)
        {
            for (int left = 0; left <= pw - w; left++)
            {
                if (output.SequenceEqual(Window(padded, c, ph, pw, top, left, h, w)))
                {
                    matches.Add((top, left));
                }
            }
        }

        return matches;
    }
}
