import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws the channel portal's app icons from Meridian's own mark (img/meridian.svg: a teal tile, a light meridian
 * line through three white points), so that no image comes from elsewhere. Run from the repository root:
 * {@code java scripts/PortalIcons.java}; it writes src/main/resources/static/img/portal/icon-{192,512}.png (the
 * rounded tile on a transparent ground) and icon-maskable-512.png (a full-bleed square with the mark inside the
 * central safe zone, 80 % of the width, which a launcher may crop to a circle or squircle).
 */
public class PortalIcons {

    static final Color TILE = new Color(0x0f5f7a);
    static final Color LINE = new Color(0x7fd3c8);

    public static void main(String[] args) throws IOException {
        File dir = new File("src/main/resources/static/img/portal");
        dir.mkdirs();
        ImageIO.write(tile(192), "png", new File(dir, "icon-192.png"));
        ImageIO.write(tile(512), "png", new File(dir, "icon-512.png"));
        ImageIO.write(maskable(512), "png", new File(dir, "icon-maskable-512.png"));
    }

    /** The mark as in meridian.svg, on its 64-unit grid scaled to {@code size} pixels. */
    static BufferedImage tile(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        double u = size / 64.0;
        g.setColor(TILE);
        g.fill(new RoundRectangle2D.Double(0, 0, size, size, 28 * u, 28 * u));
        mark(g, 0, 0, u);
        g.dispose();
        return image;
    }

    /** A full square of the tile colour; the mark drawn at 60 % so that it stays inside the 80 % safe circle. */
    static BufferedImage maskable(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = start(image);
        g.setColor(TILE);
        g.fillRect(0, 0, size, size);
        double inner = size * 0.6;
        mark(g, (size - inner) / 2, (size - inner) / 2, inner / 64.0);
        g.dispose();
        return image;
    }

    static Graphics2D start(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    /** The line M10 40 C22 14, 42 50, 54 22 (width 5, round caps) and points of radius 5 at (10,40), (32,32), (54,22). */
    static void mark(Graphics2D g, double x, double y, double u) {
        g.setColor(LINE);
        g.setStroke(new BasicStroke((float) (5 * u), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new CubicCurve2D.Double(x + 10 * u, y + 40 * u, x + 22 * u, y + 14 * u, x + 42 * u, y + 50 * u,
                x + 54 * u, y + 22 * u));
        g.setColor(Color.WHITE);
        for (double[] p : new double[][] {{10, 40}, {32, 32}, {54, 22}}) {
            g.fill(new Ellipse2D.Double(x + (p[0] - 5) * u, y + (p[1] - 5) * u, 10 * u, 10 * u));
        }
    }
}
