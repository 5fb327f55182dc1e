"""What a device is: the strings Home Assistant shows, mapped to a product.

Identification is a layer of its own, separate from what is known about a product's
support: the catalogue names the product (built from open device libraries), the database
says what is known about it or its manufacturer.
"""
