import CHeap

/// How the C allocator treats the workshop process's large buffers.
enum HeapSettings {
    /// Buffers from 512 KB up (a round's answer list for the results file, a grown ballot array) get pages of
    /// their own, returned to the system when freed. glibc's default raises that threshold to the largest buffer
    /// freed so far, after which such buffers come from the heap and their pages stay with the process: at 100k
    /// open answers the peak memory grew by 1.7 MB over the first twenty ballots that way (issue 13, decision 98).
    /// A frame's cell grid stays below the threshold, so drawing does not map and unmap pages.
    static let largeBufferBytes: Int32 = 512 * 1024

    static func returnLargeBuffersWhenFreed() {
        _ = plenary_set_mmap_threshold(largeBufferBytes)
    }
}
