<?xml version="1.0" encoding="UTF-8"?>
<!--
  admin-visit-slot.xsl: a slot's bookings, whom to call (the numbers
  masked until shown with a reason, which the access log keeps), and
  their attendance.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>

  <xsl:template match="/page" mode="title"><l:m>参观时段 · <xsl:value-of select="slot/@station"/></l:m></xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:variable name="s" select="slot"/>
    <section class="card">
      <h1><xsl:value-of select="$s/@station"/></h1>
      <p><a href="/admin/visits">返回消防站参观</a></p>
      <p><xsl:value-of select="$s/@day"/><xsl:text> </xsl:text><xsl:value-of select="$s/@time"/><l:m>（<xsl:value-of select="$s/@minutes"/> 分钟）· 已约 <xsl:value-of select="$s/@booked"/> / <xsl:value-of select="$s/@capacity"/> 人</l:m></p>

      <xsl:if test="error/@code = 'need-access-why'">
        <p class="form-error" role="alert">请填写查看完整号码的理由。</p>
      </xsl:if>
      <xsl:if test="not($s/@shown) and $s/booking/@phone">
        <form method="post" action="/admin/visits/slots/{$s/@id}/show" class="inline-form">
          <xsl:call-template name="csrf"/>
          <label>查看完整手机号的理由
            <input name="why" type="text" maxlength="200" required="required" placeholder="例如：电话通知参观时间变更"/></label>
          <button type="submit" class="button secondary small">查看完整号码</button>
          <span class="note">（每次查看都会记录）</span>
        </form>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$s/booking">
          <div class="scroll" tabindex="0">
            <table class="records">
              <thead><tr><th scope="col">编号</th><th scope="col">联系人</th><th scope="col">手机号</th><th scope="col">单位</th><th scope="col" class="n">人数</th><th scope="col">状态</th><th scope="col">到场</th></tr></thead>
              <tbody>
                <xsl:for-each select="$s/booking">
                  <tr id="booking-{@id}">
                    <td><xsl:value-of select="@ref"/></td>
                    <td><xsl:value-of select="@name"/></td>
                    <td class="nowrap"><xsl:choose>
                      <xsl:when test="../@shown and @phone"><a href="tel:{@phone}"><xsl:value-of select="@phone"/></a></xsl:when>
                      <xsl:otherwise><xsl:value-of select="@phone"/></xsl:otherwise>
                    </xsl:choose></td>
                    <td><xsl:value-of select="@organisation"/></td>
                    <td class="n"><xsl:value-of select="@people"/></td>
                    <td>
                      <xsl:choose>
                        <xsl:when test="@status = 'booked'">已预约</xsl:when>
                        <xsl:when test="@status = 'cancelled'">已取消</xsl:when>
                        <xsl:when test="@status = 'attended'">已参观</xsl:when>
                        <xsl:otherwise>未到场</xsl:otherwise>
                      </xsl:choose>
                    </td>
                    <td>
                      <xsl:if test="@status != 'cancelled'">
                        <form method="post" action="/admin/visits/bookings/{@id}" class="inline">
                          <xsl:call-template name="csrf"/>
                          <l:m><button type="submit" name="status" value="attended" class="button secondary">到场</button></l:m>

                          <xsl:text> </xsl:text>
                          <button type="submit" name="status" value="absent" class="button secondary">未到</button>
                        </form>
                      </xsl:if>
                    </td>
                  </tr>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="note">还没有预约。</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>
</xsl:stylesheet>
