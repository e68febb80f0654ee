namespace Course.Autograder.Preparation;

/// <summary>What a directory entry is, as <c>lstat</c> or <c>fstat</c> tells it (links are not followed).</summary>
internal enum FileKind
{
    /// <summary>Nothing of that name.</summary>
    Missing,

    /// <summary>A regular file (a hard link is one too: it is the file itself under another name).</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A symbolic link (on Windows any reparse point: a link or a junction).</summary>
    SymbolicLink,

    /// <summary>A named pipe (FIFO): opening it for reading waits for a writer.</summary>
    NamedPipe,

    /// <summary>A character device, such as <c>/dev/zero</c>, which never ends.</summary>
    CharacterDevice,

    /// <summary>A block device.</summary>
    BlockDevice,

    /// <summary>A Unix domain socket.</summary>
    Socket,

    /// <summary>It could not be examined (permission denied, a loop of links in the path): see the error number.</summary>
    Unexaminable,
}
