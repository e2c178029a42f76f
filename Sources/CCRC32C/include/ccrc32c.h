#ifndef TIMELINED_CCRC32C_H
#define TIMELINED_CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has a CRC-32C instruction (SSE 4.2 on x86-64,
/// the CRC extension on AArch64) that timelined_crc32c_update uses.
int timelined_crc32c_available(void);

/// Advances a CRC-32C register (kept inverted, as the algorithm defines)
/// over `length` bytes with the processor's instruction. Call it only when
/// timelined_crc32c_available() returns non-zero.
uint32_t timelined_crc32c_update(uint32_t crc, const void *bytes, size_t length);

#endif
