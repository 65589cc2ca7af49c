package org.pangeagraph.tools.generator;

/**
 * What to generate.
 *
 * @param seed the seed: the same seed and sizes give byte-identical files
 * @param websites how many storefront websites
 * @param shipmentsPerWebsite parcels per website on average (most of the graph's volume, as in real weeks of action)
 * @param chanceSharedSpecific the share of networks that share one specific item (a call-centre phone, a
 * consolidator's drop address) with another network by chance; 0 by default, for measuring what such
 * sharing does to network detection
 */
public record GeneratorSettings(long seed, int websites, double shipmentsPerWebsite, double chanceSharedSpecific) {

    public GeneratorSettings {
        if (websites < 20) {
            throw new IllegalArgumentException("at least 20 websites");
        }
        if (shipmentsPerWebsite < 0 || chanceSharedSpecific < 0 || chanceSharedSpecific > 1) {
            throw new IllegalArgumentException("shipmentsPerWebsite must not be negative, chanceSharedSpecific must be in 0..1");
        }
    }

    /** The named sizes: about 2,000, 100,000 and 1,000,000 nodes. */
    public enum Size {

        TINY(200, 6.5), S(5_000, 16.5), M(50_000, 16.5);

        private final int websites;

        private final double shipmentsPerWebsite;

        Size(int websites, double shipmentsPerWebsite) {
            this.websites = websites;
            this.shipmentsPerWebsite = shipmentsPerWebsite;
        }

        public GeneratorSettings settings(long seed) {
            return new GeneratorSettings(seed, this.websites, this.shipmentsPerWebsite, 0);
        }

    }

}
