/**
 * Data sets for the engine: the seeded built-in generators ({@link lab.sharpminima.engine.data.BuiltinDataset},
 * including the 1-D toy of the paper's Figure 2), CSV loading with strict validation, and seeded
 * train/test splits. Imports only {@code lab.sharpminima.engine} and EJML; no UI, no I/O beyond
 * reading the CSV file it is given.
 */
package lab.sharpminima.engine.data;
