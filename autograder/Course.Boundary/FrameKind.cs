namespace Course.Boundary;

/// <summary>What a frame on the boundary carries.</summary>
public enum FrameKind : byte
{
    /// <summary>A call of an operation, to be answered by a result or a failure with the same id.</summary>
    Call = 1,

    /// <summary>The answer to a call that succeeded.</summary>
    Result = 2,

    /// <summary>The answer to a call that threw: the exception's type chain and message.</summary>
    Failure = 3,
}
